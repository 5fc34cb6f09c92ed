-- Editions: a bulletin's source-language edition can be published before its translation
-- (state SOURCE_RELEASED), and an office chooses whether approved translations wait for the whole
-- bulletin (BULLETIN) or are published one by one as they are approved (ITEM).
ALTER TABLE bulletin
    ADD COLUMN source_released_at DATETIME(6) NULL AFTER released_at;

UPDATE bulletin SET source_released_at = released_at WHERE state = 'RELEASED';

ALTER TABLE office
    ADD COLUMN release_mode VARCHAR(16) NOT NULL DEFAULT 'BULLETIN' AFTER self_approval;
