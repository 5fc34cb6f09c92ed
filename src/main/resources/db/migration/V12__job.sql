-- Long work (file imports, index rebuilds) runs as a job whose row is its status resource. The
-- instance running it writes progress about once a second, so any instance can answer for it; a
-- running job whose row stops being written (its instance died) reads as interrupted.
CREATE TABLE job (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(32)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    started_by   VARCHAR(64)   NOT NULL,
    instance     VARCHAR(128)  NOT NULL,
    total        BIGINT        NULL,
    done         BIGINT        NOT NULL DEFAULT 0,
    error_code   VARCHAR(64)   NULL,
    error_detail VARCHAR(1000) NULL,
    result       TEXT          NULL,
    created_at   DATETIME(6)   NOT NULL,
    started_at   DATETIME(6)   NULL,
    updated_at   DATETIME(6)   NOT NULL,
    finished_at  DATETIME(6)   NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    KEY ix_job_state (state, updated_at),
    KEY ix_job_started_by (started_by, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
