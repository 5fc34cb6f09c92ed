-- An editor's "this warning is intended" on a pair, with the reason. It holds for the same
-- warning (code and detail) on later drafts of that pair: an unrelated edit must not bring back a
-- warning someone already judged.
CREATE TABLE qa_acknowledgement (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pair_id         BIGINT        NOT NULL,
    code            VARCHAR(40)   NOT NULL,
    detail_key      CHAR(64)      NOT NULL,
    detail          VARCHAR(1000) NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    acknowledged_by BIGINT        NOT NULL,
    target_revision INT           NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    UNIQUE KEY uk_qa_ack (pair_id, code, detail_key),
    CONSTRAINT fk_qa_ack_pair FOREIGN KEY (pair_id) REFERENCES doc_pair (id),
    CONSTRAINT fk_qa_ack_user FOREIGN KEY (acknowledged_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
