-- Photo captions are translated too: a draft's captions, one line per source caption in the same
-- order ('' for one not translated yet), newline-joined like source_revision.captions.
ALTER TABLE target_revision ADD COLUMN captions TEXT NOT NULL DEFAULT '';
