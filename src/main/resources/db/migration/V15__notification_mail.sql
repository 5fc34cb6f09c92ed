-- How each person wants to be told (notification_setting, notification_choice), the reminders the
-- sweep writes once (dedup_key), and the e-mail waiting to go out (mail_outbox).
--
-- notification_setting: the address mail goes to, the language it is written in, and when the last
-- daily digest went out (so a restart at 09:05 does not send a second one).
CREATE TABLE notification_setting (
    user_id        BIGINT       NOT NULL PRIMARY KEY,
    email          VARCHAR(254) NULL,
    lang           CHAR(2)      NOT NULL DEFAULT 'ja',
    last_digest_at DATETIME(6)  NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_notification_setting_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- channel: PAGE (the inbox only), EMAIL (the inbox and a mail at once), DIGEST (the inbox and the
-- next daily digest), NONE. A kind without a row is PAGE.
CREATE TABLE notification_choice (
    user_id BIGINT      NOT NULL,
    kind    VARCHAR(32) NOT NULL,
    channel VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT fk_notification_choice_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- dedup_key: a reminder names what it reminds of (claim:12:1765000000), so a second sweep, on this
-- instance or another, cannot write it twice. digest_pending: waits for its owner's next digest.
ALTER TABLE notification
    ADD COLUMN dedup_key      VARCHAR(100) NULL,
    ADD COLUMN digest_pending BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD UNIQUE KEY uk_notification_dedup (user_id, dedup_key),
    ADD KEY ix_notification_digest (digest_pending, user_id);

-- One message per row, rendered when it was queued (in the transaction of what it tells of).
-- state: PENDING → SENDING (taken by one instance until lease_until) → SENT, or back to PENDING with
-- next_attempt_at later after a failure, FAILED after the last attempt. message_id is the Message-ID
-- header, the same on every attempt.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id         BIGINT        NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(400)  NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    message_id      VARCHAR(200)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    lease_until     DATETIME(6)   NULL,
    last_error      VARCHAR(500)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    UNIQUE KEY uk_mail_outbox_message (message_id),
    KEY ix_mail_outbox_due (state, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
