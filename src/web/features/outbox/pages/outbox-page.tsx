import { Accordion, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../../contracts/outbox';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { ToneBadge } from '../../../components/tone-badge';
import { useOutbox } from '../api';
import { MessageBody } from '../components/message-body';

const pageSize = 25;

function DeliveryBadge({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  // A failure with a next attempt is still on its way (decision 036); without one it was given up.
  if (message.error && !message.deliveredAt && message.nextAttemptAt)
    return <ToneBadge tone="warning">{t('outbox.delivery.retrying')}</ToneBadge>;
  if (message.error && !message.deliveredAt) return <ToneBadge tone="danger">{t('outbox.delivery.failed')}</ToneBadge>;
  if (message.transport === 'outbox')
    return (
      <ToneBadge tone="neutral">
        {message.deliveredAt ? t('outbox.delivery.mailbox') : t('outbox.delivery.outboxOnly')}
      </ToneBadge>
    );
  return message.deliveredAt ? (
    <ToneBadge tone="success">{t('outbox.delivery.sent')}</ToneBadge>
  ) : (
    <ToneBadge tone="warning">{t('outbox.delivery.queued')}</ToneBadge>
  );
}

/** The e-mails the platform has sent (or held, in development), newest first, with their links. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ page, pageSize });
  const items = outbox.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        {outbox.error ? <ErrorAlert error={outbox.error} /> : null}
        {outbox.isPending ? (
          <Text c="gray.7" ta="center" py="lg" role="status">
            {t('common.loading')}
          </Text>
        ) : null}
        {outbox.data && items.length === 0 ? (
          <Text c="gray.7" ta="center" py="lg">
            {t('outbox.empty')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <Accordion variant="separated" multiple chevronPosition="left">
            {items.map((message) => (
              <Accordion.Item key={message.id} value={message.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2}>
                      <Text fw={600}>{message.subject}</Text>
                      <Text size="sm" c="dark.4">
                        {t('outbox.to', { recipient: message.recipient })}
                      </Text>
                      {message.attachments.length > 0 ? (
                        <Text size="sm" c="dark.4">
                          {t('outbox.attachments', {
                            names: message.attachments.map((a) => a.filename).join(', '),
                          })}
                        </Text>
                      ) : null}
                    </Stack>
                    <Group gap="sm">
                      <DeliveryBadge message={message} />
                      <Text size="sm" c="dark.4" style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                      </Text>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {message.error ? (
                      <Text size="sm" c="red.8">
                        {t('outbox.errorLabel', { error: message.error })}
                      </Text>
                    ) : null}
                    {message.nextAttemptAt && message.attempts > 0 ? (
                      <Text size="sm">
                        {t('outbox.nextAttempt', {
                          count: message.attempts,
                          at: formatDateTime(message.nextAttemptAt),
                        })}
                      </Text>
                    ) : null}
                    <MessageBody body={message.body} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        ) : null}
        {outbox.data ? (
          <ListPagination page={page} pageSize={pageSize} total={outbox.data.total} onChange={setPage} />
        ) : null}
      </Paper>
    </>
  );
}
