-- A notification address receives mail (excerpts of unreleased text among it) only once its owner
-- has shown they read it there: a new or changed address is sent a link, which confirms it when its
-- owner opens it signed in (notification/AddressConfirmation). The link's token is kept only as its
-- SHA-256 (hex), with when it was sent (it is valid for 48 hours).
-- Addresses saved before this migration were typed by their owners and have had mail since: they
-- count as confirmed rather than going quiet on the day of an upgrade.
ALTER TABLE notification_setting
    ADD COLUMN email_confirmed_at DATETIME(6) NULL AFTER email,
    ADD COLUMN confirm_token_hash CHAR(64)    NULL AFTER email_confirmed_at,
    ADD COLUMN confirm_sent_at    DATETIME(6) NULL AFTER confirm_token_hash;

UPDATE notification_setting SET email_confirmed_at = UTC_TIMESTAMP(6) WHERE email IS NOT NULL;
