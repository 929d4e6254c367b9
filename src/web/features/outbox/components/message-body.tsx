import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';

// Links in e-mails (invitations, password resets) are the point of the development outbox:
// they must be clickable. Only http(s) URLs become links; everything else stays text.
const urlPattern = /(https?:\/\/[^\s<>"')\]]+)/g;

/** The parts of a text: plain strings and URLs, in order. */
export function splitLinks(text: string): { kind: 'text' | 'link'; value: string }[] {
  return text
    .split(urlPattern)
    .filter((part) => part !== '')
    .map((part) => ({ kind: /^https?:\/\//.test(part) ? ('link' as const) : ('text' as const), value: part }));
}

/** An e-mail body as sent, line breaks kept and its links clickable. */
export function MessageBody({ body }: { body: string }) {
  return (
    <Text component="div" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} ff="monospace">
      {splitLinks(body).map((part, index) =>
        part.kind === 'link' ? (
          <Anchor key={index} href={part.value} size="sm" ff="monospace">
            {part.value}
          </Anchor>
        ) : (
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </Text>
  );
}
