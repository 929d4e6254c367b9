// No zod here: the outbox page of the web app reads the markers without loading the schemas.

/**
 * Stands in a stored e-mail where its one-time link (an invitation, a password reset) was: the
 * link is put in only as the message is delivered, so no one reading the outbox or the database
 * can use it (issue 14, finding 4; decision 030).
 */
export const withheldLinkMarker = '[one-time link withheld]';

/**
 * Stands in a stored e-mail to a contact person who has since been erased (GDPR art. 17): its
 * recipient, text and calendar file are gone, its subject and times stay (issue 14, finding 3).
 */
export const erasedMessageMarker = '[erased with its recipient]';
