-- Which instance runs each periodic task (claim expiry, outbox pruning, reminders, digests): a lease
-- row per task, taken over only once it has run out. Unlike MariaDB's GET_LOCK, a row replicates,
-- so it elects one leader on a Galera cluster as on a single server; its time is the database's.
CREATE TABLE leader_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
