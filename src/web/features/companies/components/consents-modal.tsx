import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../contracts/contacts';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate } from '../../../components/format';
import { ToneBadge } from '../../../components/tone-badge';
import { useWithdrawConsent } from '../api';

type Consent = Contact['consents'][number];

/** The consents a person has given, newest first; active ones can be withdrawn (after a confirmation). */
export function ConsentsModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent();
  const [toWithdraw, setToWithdraw] = useState<Consent | null>(null);
  const consents = [...contact.consents].sort((a, b) => b.givenOn.localeCompare(a.givenOn));

  async function handleWithdraw() {
    if (!toWithdraw) return;
    try {
      await withdraw.mutateAsync({ id: contact.id, consentId: toWithdraw.id });
      notifications.show({ color: 'teal', message: t('contacts.consent.withdrawn') });
    } catch {
      // Shown in the list from the mutation's error.
    }
    setToWithdraw(null);
  }

  return (
    <>
      <Modal
        opened={toWithdraw === null}
        onClose={onClose}
        title={t('contacts.consent.listTitle', { name: contact.name })}
        size="lg"
      >
        <Stack gap="md">
          <ErrorAlert error={withdraw.error} />
          {consents.length === 0 ? <Text size="sm">{t('contacts.consent.listEmpty')}</Text> : null}
          <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {consents.map((consent) => (
              <Group
                key={consent.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                py="sm"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <div>
                  <Text fw={600}>{consent.purpose}</Text>
                  <Text size="sm" c="dark.4">
                    {t('contacts.consent.textVersionLabel', { version: consent.textVersion })} ·{' '}
                    {t('contacts.consent.givenLabel', { date: formatDate(consent.givenOn) })}
                  </Text>
                </div>
                {consent.withdrawnOn === null ? (
                  <Group gap="sm" wrap="nowrap">
                    <ToneBadge tone="success">{t('contacts.consent.active')}</ToneBadge>
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={t('contacts.consent.withdrawAria', { purpose: consent.purpose })}
                      onClick={() => setToWithdraw(consent)}
                    >
                      {t('contacts.consent.withdraw')}
                    </Button>
                  </Group>
                ) : (
                  <ToneBadge tone="neutral">
                    {t('contacts.consent.withdrawnLabel', { date: formatDate(consent.withdrawnOn) })}
                  </ToneBadge>
                )}
              </Group>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={toWithdraw !== null}
        title={t('contacts.consent.withdrawTitle')}
        text={t('contacts.consent.withdrawText', { name: contact.name, purpose: toWithdraw?.purpose ?? '' })}
        confirmLabel={t('contacts.consent.withdrawConfirm')}
        isDestructive
        isPending={withdraw.isPending}
        onConfirm={() => void handleWithdraw()}
        onCancel={() => setToWithdraw(null)}
      />
    </>
  );
}
