-- Webhooks other systems register with (a CMS publishing released bulletins, a chat channel), and
-- their deliveries: an outbox as mail_outbox is, with the receiver's answer kept for the admin page.
-- events: comma-separated names (bulletin.released,pair.approved); secret: the HMAC-SHA256 key the
-- deliveries are signed with, shown to the admin once.
CREATE TABLE webhook (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL,
    events     VARCHAR(500)  NOT NULL,
    secret     VARCHAR(100)  NOT NULL,
    active     BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by VARCHAR(64)   NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- state: PENDING → SENDING (one instance, until lease_until) → DELIVERED (a 2xx), or back to PENDING
-- with next_attempt_at later, FAILED after the last attempt. delivery_id goes out with every attempt
-- (X-Kakehashi-Delivery), so a receiver can tell a retry from a new event.
CREATE TABLE webhook_delivery (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    webhook_id      BIGINT       NOT NULL,
    delivery_id     CHAR(36)     NOT NULL,
    event           VARCHAR(40)  NOT NULL,
    payload         MEDIUMTEXT   NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    lease_until     DATETIME(6)  NULL,
    last_status     INT          NULL,
    last_error      VARCHAR(500) NULL,
    last_millis     INT          NULL,
    created_at      DATETIME(6)  NOT NULL,
    delivered_at    DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_webhook_delivery (delivery_id),
    KEY ix_webhook_delivery_due (state, next_attempt_at),
    KEY ix_webhook_delivery_hook (webhook_id, id),
    CONSTRAINT fk_webhook_delivery_hook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
