-- Tokens ended by signing out before they expire. A token is refused while its id (jti) is here;
-- rows are kept until the token would have expired anyway, then pruned.
CREATE TABLE revoked_token (
    jti        VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at DATETIME(6) NOT NULL,
    KEY ix_revoked_token_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
