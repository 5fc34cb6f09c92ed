-- The termbase: Japanese ⇄ English terms, for every office (scope 'ALL') or one office, preferred
-- or forbidden. The scope is a plain column rather than a NULL office so the unique key holds:
-- MariaDB lets any number of NULLs through a unique index.
CREATE TABLE glossary_term (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    term_ja    VARCHAR(200)  NOT NULL,
    term_en    VARCHAR(200)  NOT NULL,
    note       VARCHAR(2000) NOT NULL DEFAULT '',
    scope      CHAR(3)       NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    created_by BIGINT        NULL,
    created_at DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    UNIQUE KEY uk_glossary_term (term_ja, term_en, scope),
    KEY ix_glossary_scope (scope, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
