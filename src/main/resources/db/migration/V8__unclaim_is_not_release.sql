-- Giving a claim back was audited as 'release_claim' and requested as POST …/release, the same word
-- as publishing a bulletin. It is 'unclaim' now; earlier events are renamed so that the history and
-- the office figures read one word for one act.
UPDATE audit_event SET action = 'unclaim' WHERE action = 'release_claim';
