import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { erasedMessageMarker, withheldLinkMarker } from '../../../../contracts/outbox-markers';

// Links in e-mails are clickable. A one-time link (an invitation, a password reset) is never in
// the outbox: only its recipient gets it, so the body shows where it was withheld (decision 030).
// Only http(s) URLs become links; everything else stays text.
const urlPattern = /(https?:\/\/[^\s<>"')\]]+)/g;

type Part = { kind: 'text' | 'link' | 'withheld'; value: string };

/** The parts of a text: plain strings, URLs and withheld one-time links, in order. */
export function splitLinks(text: string): Part[] {
  return text.split(withheldLinkMarker).flatMap((piece, index): Part[] => [
    ...(index > 0 ? [{ kind: 'withheld' as const, value: withheldLinkMarker }] : []),
    ...piece
      .split(urlPattern)
      .filter((part) => part !== '')
      .map((part) => ({ kind: /^https?:\/\//.test(part) ? ('link' as const) : ('text' as const), value: part })),
  ]);
}

/** An e-mail body as sent, line breaks kept, its links clickable and a withheld link named; or that it was erased. */
export function MessageBody({ body }: { body: string }) {
  const { t } = useTranslation();
  if (body === erasedMessageMarker) {
    return (
      <Text size="sm" c="dark.4" fs="italic">
        {t('outbox.erasedMessage')}
      </Text>
    );
  }
  return (
    <Text component="div" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} ff="monospace">
      {splitLinks(body).map((part, index) =>
        part.kind === 'link' ? (
          <Anchor key={index} href={part.value} size="sm" ff="monospace">
            {part.value}
          </Anchor>
        ) : part.kind === 'withheld' ? (
          <Text key={index} component="em" size="sm" c="dark.4">
            {t('outbox.withheldLink')}
          </Text>
        ) : (
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </Text>
  );
}
