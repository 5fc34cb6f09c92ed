-- Staff talking about a pair, or one sentence of it (segment: the source sentence's index), beside
-- the workflow's reasons. Deleted comments keep their row (who deleted, when) without their text.
-- mentions: the usernames named with @ that existed when it was written, for notifications.
CREATE TABLE pair_comment (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pair_id     BIGINT        NOT NULL,
    segment     INT           NULL,
    author_id   BIGINT        NOT NULL,
    author_name VARCHAR(64)   NOT NULL,
    body        TEXT          NOT NULL,
    mentions    VARCHAR(1000) NOT NULL DEFAULT '',
    created_at  DATETIME(6)   NOT NULL,
    edited_at   DATETIME(6)   NULL,
    deleted_at  DATETIME(6)   NULL,
    deleted_by  VARCHAR(64)   NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    KEY ix_pair_comment_pair (pair_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
