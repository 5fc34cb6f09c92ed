-- Outbox rows are pruned once they are older than the retention period. Ids are not contiguous
-- (rollbacks leave gaps), so a follower cannot tell pruned rows from gaps by looking at the table:
-- this row says up to which id rows may have been deleted. A follower whose cursor is below it
-- has lost rows it needed and rebuilds its index from MariaDB.
CREATE TABLE outbox_horizon (
    id             TINYINT NOT NULL PRIMARY KEY,
    pruned_through BIGINT  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO outbox_horizon (id, pruned_through) VALUES (1, 0);
