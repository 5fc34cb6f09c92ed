-- The translation memory: sentence pairs from approved translations and imported TMX files.
-- Texts are kept as they were written; the keys are SHA-256 of the NFKC-folded, space-collapsed
-- text, so the unique key finds "the same sentence translated the same way in the same context"
-- without indexing long TEXT columns. A repeat of such a unit refreshes its provenance instead of
-- adding a copy. Who and which office are names, not foreign keys: TMX files name translators
-- who have no account here.
CREATE TABLE tm_unit (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_lang   CHAR(2)      NOT NULL,
    target_lang   CHAR(2)      NOT NULL,
    source_text   TEXT         NOT NULL,
    target_text   TEXT         NOT NULL,
    source_key    CHAR(64)     NOT NULL,
    target_key    CHAR(64)     NOT NULL,
    context_key   CHAR(64)     NOT NULL,
    office_code   VARCHAR(8)   NULL,
    pair_id       BIGINT       NULL,
    origin        VARCHAR(16)  NOT NULL,
    translated_by VARCHAR(100) NOT NULL,
    added_by      VARCHAR(100) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_tm_unit (source_lang, source_key, target_key, context_key),
    KEY ix_tm_pair (pair_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
