-- The sentence alignment a person gave with a draft ("0+1=0 2=1+2 3= 4=3"), or NULL when the draft is
-- aligned automatically. A draft revision is immutable, so its links hold for exactly its text.
ALTER TABLE target_revision ADD COLUMN links TEXT NULL;
