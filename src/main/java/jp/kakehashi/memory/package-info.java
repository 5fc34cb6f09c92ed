/**
 * The translation memory: approved sentence pairs, found again while translating.
 *
 * <p>Decisions, and why:
 * <ul>
 * <li><b>MariaDB holds the units, Lucene only finds them.</b> Units (texts, keys, provenance) are rows
 * of {@code tm_unit}, written in the approval's transaction, so an approval and its memory commit or
 * roll back together. {@link jp.kakehashi.memory.MemoryIndex} follows the table in commit order like
 * the search index follows the outbox; every instance keeps its own index and catches up on a poll.</li>
 * <li><b>Candidates by character bigrams, score by words.</b> Bigrams need no dictionary and survive
 * words Kuromoji cuts differently; the q-gram lemma turns the threshold into a minimum count of shared
 * bigrams, so the index never returns what cannot reach the threshold. The score is an edit distance
 * over Kuromoji words weighted by length: translators judge matches by words changed, and a changed
 * name should cost its whole length.</li>
 * <li><b>In context = same neighbours.</b> The context key hashes the sentences before and after,
 * the usual "101 %" of CAT tools; exact keys fold NFKC and white space only, so a match that differs in
 * case or punctuation is shown as fuzzy 99, never as 100.</li>
 * <li><b>Only aligned sentences.</b> A pair whose source and translation have different sentence
 * counts gives only its title: a misaligned unit would be offered as a confident match.</li>
 * <li><b>Imports never overwrite approvals.</b> A TMX unit already in the memory keeps its provenance;
 * an approval of a known unit refreshes it (who, where, when).</li>
 * </ul>
 */
package jp.kakehashi.memory;
