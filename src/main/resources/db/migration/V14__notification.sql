-- What a person is told in the pages: their pair sent back, approved, taken over or assigned to
-- them, or their name in a comment. Written in the transaction of the change it tells of.
CREATE TABLE notification (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    pair_id     BIGINT       NULL,
    bulletin_id BIGINT       NULL,
    actor       VARCHAR(64)  NOT NULL,
    excerpt     VARCHAR(400) NULL,
    created_at  DATETIME(6)  NOT NULL,
    read_at     DATETIME(6)  NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    KEY ix_notification_user (user_id, id),
    KEY ix_notification_unread (user_id, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
