-- Foundation schema. utf8mb4 with binary collation everywhere: Japanese text is compared exactly
-- (no kana/width folding in uniqueness checks); folding for search is Lucene's job.

CREATE TABLE office (
    code          CHAR(3)      NOT NULL PRIMARY KEY,
    name_ja       VARCHAR(64)  NOT NULL,
    name_en       VARCHAR(64)  NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    lease_hours   INT          NOT NULL DEFAULT 48,
    self_approval BOOLEAN      NOT NULL DEFAULT FALSE,
    version       BIGINT       NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO office (code, name_ja, name_en, time_zone) VALUES
    ('PAR', 'パリ', 'Paris', 'Europe/Paris'),
    ('LON', 'ロンドン', 'London', 'Europe/London'),
    ('SIN', 'シンガポール', 'Singapore', 'Asia/Singapore'),
    ('NYC', 'ニューヨーク', 'New York', 'America/New_York'),
    ('SYD', 'シドニー', 'Sydney', 'Australia/Sydney'),
    ('SEL', 'ソウル', 'Seoul', 'Asia/Seoul'),
    ('BEJ', '北京', 'Beijing', 'Asia/Shanghai'),
    ('TYO', '本部', 'Tokyo HQ', 'Asia/Tokyo');

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(100) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    token_epoch   BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_user_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_office (
    user_id     BIGINT  NOT NULL,
    office_code CHAR(3) NOT NULL,
    PRIMARY KEY (user_id, office_code),
    CONSTRAINT fk_user_office_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_user_office_office FOREIGN KEY (office_code) REFERENCES office (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE bulletin (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number       VARCHAR(32)  NULL,
    title_ja     VARCHAR(500) NULL,
    title_en     VARCHAR(500) NULL,
    published_on DATE         NOT NULL,
    dedup_key    CHAR(64)     NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    released_at  DATETIME(6)  NULL,
    created_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_bulletin_dedup (dedup_key),
    KEY ix_bulletin_published (published_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE doc_pair (
    id                       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bulletin_id              BIGINT      NOT NULL,
    position                 INT         NOT NULL,
    office_code              CHAR(3)     NOT NULL,
    source_lang              CHAR(2)     NOT NULL,
    target_lang              CHAR(2)     NOT NULL,
    status                   VARCHAR(24) NOT NULL,
    assignee_id              BIGINT      NULL,
    lease_started_at         DATETIME(6) NULL,
    lease_expires_at         DATETIME(6) NULL,
    source_revision          INT         NOT NULL,
    target_revision          INT         NOT NULL DEFAULT 0,
    based_on_source_revision INT         NULL,
    last_submitter_id        BIGINT      NULL,
    source_updated           BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at               DATETIME(6) NOT NULL,
    updated_at               DATETIME(6) NOT NULL,
    version                  BIGINT      NOT NULL DEFAULT 0,
    UNIQUE KEY uk_pair_position (bulletin_id, position),
    KEY ix_pair_office_status (office_code, status),
    KEY ix_pair_lease (status, lease_expires_at),
    CONSTRAINT fk_pair_bulletin FOREIGN KEY (bulletin_id) REFERENCES bulletin (id),
    CONSTRAINT fk_pair_office FOREIGN KEY (office_code) REFERENCES office (code),
    CONSTRAINT fk_pair_assignee FOREIGN KEY (assignee_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE source_revision (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pair_id     BIGINT       NOT NULL,
    revision    INT          NOT NULL,
    title       VARCHAR(500) NOT NULL,
    dateline    VARCHAR(200) NULL,
    body        MEDIUMTEXT   NOT NULL,
    captions    TEXT         NOT NULL,
    images      TEXT         NOT NULL,
    change_kind VARCHAR(16)  NOT NULL,
    created_by  BIGINT       NULL,
    created_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_source_revision (pair_id, revision),
    CONSTRAINT fk_source_pair FOREIGN KEY (pair_id) REFERENCES doc_pair (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE target_revision (
    id                       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pair_id                  BIGINT       NOT NULL,
    revision                 INT          NOT NULL,
    title                    VARCHAR(500) NOT NULL,
    body                     MEDIUMTEXT   NOT NULL,
    based_on_source_revision INT          NOT NULL,
    created_by               BIGINT       NULL,
    created_at               DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_target_revision (pair_id, revision),
    CONSTRAINT fk_target_pair FOREIGN KEY (pair_id) REFERENCES doc_pair (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Immutable history of every change: who, when, from, to, why.
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bulletin_id BIGINT       NULL,
    pair_id     BIGINT       NULL,
    actor_id    BIGINT       NULL,
    actor_name  VARCHAR(64)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    from_status VARCHAR(24)  NULL,
    to_status   VARCHAR(24)  NULL,
    reason      TEXT         NULL,
    created_at  DATETIME(6)  NOT NULL,
    KEY ix_audit_pair (pair_id, id),
    KEY ix_audit_bulletin (bulletin_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Written in the same transaction as every change that affects search. Read, never consumed:
-- each service instance keeps its own cursor (the last applied id) in its own index.
CREATE TABLE outbox_event (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    aggregate_type VARCHAR(16) NOT NULL,
    aggregate_id   BIGINT      NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    created_at     DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
