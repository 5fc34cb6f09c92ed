/**
 * Cross-language search over paired documents (design: docs/design/search.md).
 *
 * <p>Decisions and why:
 * <ul>
 *   <li><b>Two documents per pair</b> ({@code view=staff} with current texts, {@code view=public} with
 *   the released texts while the bulletin is released) instead of one document with per-field
 *   visibility: a reader's query is filtered on one term, so unreleased text cannot leak into totals,
 *   facets or snippets by construction.</li>
 *   <li><b>Documents are rebuilt from MariaDB rows</b>, never from event payloads: the outbox only says
 *   which pairs to reload, so replaying a row is harmless, and the outbox is read in commit order
 *   ({@link jp.kakehashi.index.CommitOrder}), so a change committed late is still read.</li>
 *   <li><b>Commits carry the last applied outbox seq</b> and the analyzer hash in their user data:
 *   after a crash the index is exactly its last commit, and replay starts there. What the indexer
 *   applies is searchable at once (a near-real-time refresh) and durable at the next commit, at most
 *   {@code kakehashi.search.commit-interval} (1 s) later and at a clean stop: a commit fsyncs every
 *   new file, and committing every batch or every poll put an fsync on the indexing path. Through a
 *   long backlog it commits every {@code backlog-commit-interval} (10 s): each commit or refresh
 *   writes a small segment, and at one a second merges and commits were 15 % of a 100k replay.</li>
 *   <li><b>The catch-up and the rebuild share one pipeline</b> ({@link jp.kakehashi.search.IndexPipeline}):
 *   batches read ahead on two connections, pairs analysed on two threads. Parallel writes keep the
 *   outbox's meaning because a pair's documents are always rebuilt from its current rows: only two
 *   writes of the same pair could race, so batches that share a pair do not overlap, and a pair's
 *   documents are replaced in one {@code updateDocuments} (a refresh never sees it missing).</li>
 *   <li><b>Rebuilds go to a side directory</b> and are swapped in whole; a half-built index is never
 *   searched. A rebuild is merged into one segment before the swap: its flushes leave about ten, and
 *   a query looks each of its terms up in every segment (the benchmark's mix took 24 % less time on
 *   one, for 5.4 s of merging at 100k pairs). Later changes go to small segments the merge policy
 *   folds in. An index that followed an import or a replay keeps the segments its flushes made
 *   until the outbox has been quiet for a while after 10,000 written pairs; then it is merged the
 *   same way, live, on the indexer's thread.</li>
 *   <li><b>Snippets read offsets from the postings</b> of the bodies and their readings (masked
 *   fields of the UnifiedHighlighter), as docs/design/search.md says. Re-analysing the stored text of every hit
 *   was the first implementation and took ~75 % of a query in a JFR profile (Kuromoji into a
 *   MemoryIndex per hit and field). A reading field indexes the body first, so its offsets are the
 *   body's and a romaji match marks the Japanese words it came from; the cost is a larger index and
 *   slightly slower indexing (not measured apart). Each query term is looked up once per segment
 *   and request and its postings walked forward over the hits ({@link
 *   jp.kakehashi.search.ForwardPostingsOffsets}), not looked up again for every hit and field.</li>
 *   <li><b>Phrases in the English body are word pairs</b> ({@code en_shingle}, no positions), not
 *   positional phrases. Scoring is most of a query and Lucene can skip none of it here: a dis-max with
 *   a tie-breaker passes no minimum competitive score down, and a positional phrase inside it made the
 *   whole query two-phase and read positions for every pair holding all of its words (half of the
 *   time of an expanded query such as 金沢市 → "Kanazawa City"). A pair term costs one lookup; the
 *   price is a larger index, slower indexing, and exact adjacency (no slop). Counting and faceting in
 *   a second, scoreless pass, and rescoring a cheaper first pass, were measured and were slower.</li>
 *   <li><b>Queries are never parsed as Lucene syntax</b>; they are cut into script segments and each
 *   segment analysed with the field's own chain (see {@link jp.kakehashi.search.CrossLanguageQuery}).</li>
 * </ul>
 */
package jp.kakehashi.search;
