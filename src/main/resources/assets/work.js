// Pair page: autosave of the draft (which renews the lease), the lease countdown, and the segment
// editor's keyboard, memory inserts, per-segment checks, progress, and joining/splitting rows.
// Loaded from /assets (the CSP forbids inline script); everything degrades to plain forms without it.
(function () {
  'use strict';
  var form = document.getElementById('draft');
  var lease = document.getElementById('lease');
  var status = document.getElementById('autosave-status');

  function tick() {
    if (!lease || !lease.dataset.expires) { return; }
    var left = Math.max(0, Math.floor((Date.parse(lease.dataset.expires) - Date.now()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
    lease.textContent = lease.dataset.label + ' ' + h + ':' + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
  }
  tick();
  setInterval(tick, 1000);

  // Forms that take work from someone or publish it ask first; without script they post directly.
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); }
    });
  });

  if (!form || !form.dataset.autosave) { return; }

  function post(url, data) {
    return fetch(url, { method: 'POST', body: data, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); });
  }

  // A memory suggestion goes where the cursor is, and is saved like typing.
  function insert(field, text) {
    field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
    field.focus();
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  document.querySelectorAll('button.insert').forEach(function (button) {
    button.addEventListener('click', function () {
      var row = button.closest('.segment-row');
      insert(row ? row.querySelector('textarea') : document.getElementById('body'), button.dataset.insert);
    });
  });

  var timer = null, dirty = false, saving = false, saved = null;
  function save() {
    if (!dirty || saving) { return saved || Promise.resolve(); }
    saving = true;
    dirty = false;
    saved = post(form.dataset.autosave, new URLSearchParams(new FormData(form)))
      .then(function (r) {
        if (r.ok) {
          form.elements.version.value = r.body.version;
          if (lease) { lease.dataset.expires = r.body.leaseExpiresAt; }
          status.textContent = status.dataset.saved + ' ' + new Date().toLocaleTimeString(document.documentElement.lang);
        } else {
          status.textContent = r.body.title;
        }
      })
      .catch(function () { dirty = true; status.textContent = status.dataset.failed; })
      .finally(function () { saving = false; });
    return saved;
  }
  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  }
  form.addEventListener('input', changed);
  setInterval(save, 30000);

  var grid = form.querySelector('.segment-grid');
  if (!grid) { return; }
  form.classList.add('scripted');
  var joiner = form.dataset.targetLang === 'ja' ? '' : ' ';

  function rows() { return Array.prototype.slice.call(grid.querySelectorAll('.segment-row')); }
  function fieldOf(row) { return row.querySelector('textarea'); }

  // a segment's field grows with its text (set through the CSSOM, which the CSP allows)
  function fit(field) {
    field.style.height = 'auto';
    field.style.height = field.scrollHeight + 2 + 'px';
  }
  rows().forEach(function (r) { fit(fieldOf(r)); });

  function activate(row) {
    rows().forEach(function (r) { r.classList.toggle('active', r === row); });
  }
  function move(row, by) {
    var all = rows(), next = all[all.indexOf(row) + by];
    if (next) {
      fieldOf(next).focus();
      next.scrollIntoView({ block: 'nearest' });
    }
    return next;
  }

  function progress() {
    var done = 0, units = 0;
    rows().forEach(function (r) {
      var has = fieldOf(r).value.trim() !== '', n = Number(r.dataset.units || 0);
      if (n > 0 && has) { done++; units += n; }
      if (r.dataset.state === 'EMPTY' || r.dataset.state === 'DRAFT') {
        r.dataset.state = has ? 'DRAFT' : 'EMPTY';
        r.querySelector('.seg-state').textContent = has ? form.dataset.labelDraft : form.dataset.labelEmpty;
      }
    });
    document.getElementById('rows-done').textContent = done;
    document.getElementById('units-done').textContent = units;
  }
  progress();

  // QA of the segment being typed, from the same checks as the whole draft.
  var checkTimer = null;
  function check(row) {
    var box = row.querySelector('.seg-qa'), list = box.querySelector('ul');
    var data = new URLSearchParams();
    data.set('_csrf', form.elements._csrf.value);
    data.set('sources', row.querySelector('input[name=sources]').value);
    data.set('text', fieldOf(row).value);
    if (data.get('sources') === '') { box.hidden = true; return; }
    post(form.dataset.check, data).then(function (r) {
      list.textContent = '';
      (r.ok ? r.body.issues : [{ code: r.body.code, title: r.body.title, detail: '' }]).forEach(function (i) {
        var li = document.createElement('li');
        li.dataset.code = i.code;
        var strong = document.createElement('strong');
        strong.textContent = i.title;
        li.appendChild(strong);
        li.appendChild(document.createTextNode(' ' + i.detail));
        list.appendChild(li);
      });
      box.hidden = list.children.length === 0;
      row.dataset.checked = 'true';
    }).catch(function () { /* the whole-draft QA still runs on submit */ });
  }

  grid.addEventListener('focusin', function (e) {
    var row = e.target.closest('.segment-row');
    if (row) { activate(row); }
  });
  grid.addEventListener('input', function (e) {
    var row = e.target.closest('.segment-row');
    if (e.target.tagName === 'TEXTAREA') { fit(e.target); }
    progress();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(function () { check(row); }, 600);
  });
  grid.addEventListener('keydown', function (e) {
    var row = e.target.closest('.segment-row');
    if (!row || e.target.tagName !== 'TEXTAREA') { return; }
    var n = '123'.indexOf(e.key);
    if ((e.ctrlKey || e.altKey) && n >= 0) {
      var button = row.querySelectorAll('button.insert')[n];
      if (button) { insert(fieldOf(row), button.dataset.insert); }
      e.preventDefault();
    } else if (e.ctrlKey && e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      dirty = true;
      save();
      check(row);
      move(row, 1);
    } else if (e.ctrlKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      move(row, e.key === 'ArrowDown' ? 1 : -1);
    }
  });

  // Two source sentences translated as one (join), or a joined row taken apart again (split).
  function sources(row) { return row.querySelector('input[name=sources]'); }
  function sentencesOf(row) { return row.querySelector('.seg-source'); }
  grid.addEventListener('click', function (e) {
    var row = e.target.closest('.segment-row');
    if (!row) { return; }
    if (e.target.classList.contains('join')) {
      var next = row.nextElementSibling;
      if (!next) { return; }
      var a = sources(row).value, b = sources(next).value;
      sources(row).value = a && b ? a + '+' + b : a + b;
      next.querySelectorAll('.sentence').forEach(function (s) { sentencesOf(row).appendChild(s); });
      var added = row.querySelector('.added');
      if (added && row.querySelector('.sentence')) { added.remove(); }
      var text = [fieldOf(row).value.trim(), fieldOf(next).value.trim()].filter(Boolean).join(joiner);
      fieldOf(row).value = text;
      row.dataset.units = Number(row.dataset.units || 0) + Number(next.dataset.units || 0);
      next.remove();
      fit(fieldOf(row));
      fieldOf(row).focus();
      changed();
      progress();
    } else if (e.target.classList.contains('split')) {
      var parts = sources(row).value.split('+');
      var last = row.querySelectorAll('.sentence');
      if (parts.length < 2) { return; }
      var copy = row.cloneNode(true);
      copy.removeAttribute('id');
      copy.classList.remove('active', 'new-paragraph');
      copy.querySelectorAll('.sentence').forEach(function (s) { s.remove(); });
      sentencesOf(copy).appendChild(last[last.length - 1]);
      sources(copy).value = parts.pop();
      sources(row).value = parts.join('+');
      fieldOf(copy).value = '';
      fieldOf(copy).removeAttribute('id');
      copy.querySelector('.seg-qa').hidden = true;
      copy.dataset.units = '0';
      row.after(copy);
      fieldOf(copy).focus();
      changed();
      progress();
    }
  });
})();
