-- Workflow: what a pair was before it went OUTDATED (confirm restores it), and which revisions
-- readers see while a released pair's source is being updated.
ALTER TABLE doc_pair
    ADD COLUMN previous_status          VARCHAR(24) NULL AFTER status,
    ADD COLUMN released_source_revision INT         NULL,
    ADD COLUMN released_target_revision INT         NULL,
    ADD KEY ix_pair_assignee (assignee_id, status);

-- Failed logins per account and per address, kept in MariaDB so every instance sees the same
-- counts. One row per key and window; the upsert is atomic.
CREATE TABLE login_attempt (
    throttle_key VARCHAR(200) NOT NULL PRIMARY KEY,
    window_start DATETIME(6)  NOT NULL,
    failures     INT          NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Approvals by the last submitter (offices with self-approval) are flagged for the status page.
ALTER TABLE audit_event ADD KEY ix_audit_action (action, created_at);
