-- A receiver is sent one delivery at a time, whichever instance sends it: taking a delivery also
-- takes its webhook's lane until the attempt is answered or its lease runs out. A receiver that
-- hangs then holds one sender for its timeout, not every sender, and the other receivers' deliveries
-- go on (webhook/HookSender). Not a column of the Webhook entity: an admin's change to a webhook
-- must not write over a lane taken meanwhile.
ALTER TABLE webhook ADD COLUMN busy_until DATETIME(6) NULL;
