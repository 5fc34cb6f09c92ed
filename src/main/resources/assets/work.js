// Pair page: autosave of the draft (which renews the lease) and the lease countdown.
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

  if (!form || !form.dataset.autosave) { return; }

  // A memory suggestion goes into the draft where the cursor is, and is saved like typing.
  var body = document.getElementById('body');
  document.querySelectorAll('button.insert').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = button.dataset.insert, at = body.selectionStart, end = body.selectionEnd;
      body.setRangeText(text, at, end, 'end');
      body.focus();
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });
  var timer = null, dirty = false, saving = false;
  function save() {
    if (!dirty || saving) { return; }
    saving = true;
    dirty = false;
    fetch(form.dataset.autosave, { method: 'POST', body: new URLSearchParams(new FormData(form)),
        headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        if (r.ok) {
          form.elements.version.value = r.body.version;
          if (lease) { lease.dataset.expires = r.body.leaseExpiresAt; }
          status.textContent = status.dataset.saved + ' ' + new Date().toLocaleTimeString();
        } else {
          status.textContent = r.body.title;
        }
      })
      .catch(function () { dirty = true; status.textContent = status.dataset.failed; })
      .finally(function () { saving = false; });
  }
  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  });
  setInterval(save, 30000);
})();
