-- Issue 14, finding 4 (decision 030): stored e-mails keep a marker where a one-time link was, and
-- only the delivered copy holds the link. Messages stored before that held live invitation and
-- reset links in clear, readable by every admin: they get the marker too.
UPDATE "outbox_messages"
SET "body" = regexp_replace("body", 'https?://[^[:space:]]*[?&]token=[A-Za-z0-9_-]+', '[one-time link withheld]', 'g')
WHERE "body" ~ '[?&]token=';
--> statement-breakpoint
-- Issue 14, finding 3 (decision 012): a mail to a contact person names its contact, so that erasing
-- the person reaches it. Mails sent before were not linked: the registration confirmations are the
-- ones with a calendar file, sent to a contact's address. An address two contacts share links to
-- neither (erasing either then misses it); contacts erased before have no address left to match.
UPDATE "outbox_messages" o
SET "contact_id" = (SELECT c."id" FROM "contacts" c WHERE lower(c."email") = lower(o."recipient"))
WHERE o."contact_id" IS NULL
  AND jsonb_array_length(o."attachments") > 0
  AND (SELECT count(*) FROM "contacts" c WHERE lower(c."email") = lower(o."recipient")) = 1;
