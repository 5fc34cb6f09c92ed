-- The indexes follow outbox_event and tm_unit in the order their rows became visible, not in the
-- order their ids were handed out. An id is taken at INSERT and seen at COMMIT, so a transaction
-- that commits long after a later one left a gap that followers could only wait out for a while
-- and then pass (losing its change when it committed later still); Galera hands ids out
-- interleaved per node, so gaps are the rule there. A row's seq is given once it is committed, by
-- whichever instance sequences first (index/CommitOrder), counting on from commit_sequence under
-- that row's lock: seqs are dense and become visible in order, on one server as on Galera (where two
-- sequencers racing for the row end with one certification failure).
ALTER TABLE outbox_event ADD COLUMN seq BIGINT NULL, ADD UNIQUE KEY uk_outbox_seq (seq);
ALTER TABLE tm_unit ADD COLUMN seq BIGINT NULL, ADD UNIQUE KEY uk_tm_unit_seq (seq);

-- Rows written so far keep their place: a cursor of an existing index (an id) is a seq from now on.
UPDATE outbox_event SET seq = id;
UPDATE tm_unit SET seq = id;

CREATE TABLE commit_sequence (
    name     VARCHAR(32) NOT NULL PRIMARY KEY,
    last_seq BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- On past the pruned horizon too: an outbox pruned empty still has indexes whose cursor is there.
INSERT INTO commit_sequence (name, last_seq)
SELECT 'outbox_event', GREATEST(COALESCE((SELECT MAX(id) FROM outbox_event), 0),
                                COALESCE((SELECT pruned_through FROM outbox_horizon WHERE id = 1), 0));
INSERT INTO commit_sequence (name, last_seq)
SELECT 'tm_unit', COALESCE((SELECT MAX(id) FROM tm_unit), 0);
