import { ActionIcon, Anchor, Button, Card, Group, Menu, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconDownload,
  IconEraser,
  IconList,
  IconPencil,
  IconShieldCheck,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import type { Contact } from '../../../../contracts/contacts';
import { EmptyRow } from '../../../components/empty-row';
import { errorMessage } from '../../../components/error-message';
import { formatDate } from '../../../components/format';
import { ToneBadge } from '../../../components/tone-badge';
import { downloadContactExport } from '../api';
import { ConsentModal } from './consent-modal';
import { ConsentsModal } from './consents-modal';
import { ContactFormModal } from './contact-form-modal';
import { EraseContactModal } from './erase-contact-modal';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; contact: Contact }
  | { kind: 'consent'; contact: Contact }
  | { kind: 'consents'; contactId: string }
  | { kind: 'erase'; contact: Contact }
  | null;

function ConsentSummary({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const active = contact.consents.filter((consent) => consent.withdrawnOn === null);
  if (active.length === 0) {
    return (
      <Text size="sm" c="dark.4">
        {contact.consents.length > 0 ? t('contacts.consent.summaryWithdrawn') : t('contacts.consent.none')}
      </Text>
    );
  }
  const latest = [...active].sort((a, b) => b.givenOn.localeCompare(a.givenOn))[0];
  return (
    <>
      <Text size="sm">{latest?.purpose}</Text>
      <Text size="xs" c="dark.4">
        {t('contacts.consent.summary', { count: active.length, date: latest ? formatDate(latest.givenOn) : '' })}
      </Text>
    </>
  );
}

/** The people at the company: who to talk to, their consents, and their rights (export, erasure). */
export function ContactsSection({ company }: { company: Company }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canManage = company.abilities.canManageContacts;
  const contacts = [...company.contacts].sort(
    (a, b) => Number(a.isErased) - Number(b.isErased) || a.name.localeCompare(b.name, 'sv'),
  );
  const columnCount = canManage ? 7 : 6;
  // Looked up on every render so the consent list shows the fresh copy after a withdrawal.
  const consentsContact =
    dialog?.kind === 'consents' ? company.contacts.find((contact) => contact.id === dialog.contactId) : undefined;

  async function handleExport(contact: Contact) {
    try {
      await downloadContactExport(contact.id);
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-contacts">
      <Group justify="space-between" mb="md">
        <Title order={2} id="company-contacts">
          {t('contacts.title')}
        </Title>
        {canManage ? (
          <Button
            variant="light"
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('contacts.create.open')}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table striped verticalSpacing="sm">
          <Table.Caption className="visually-hidden">{t('contacts.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('contacts.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('contacts.fields.role')}</Table.Th>
              <Table.Th scope="col">{t('contacts.fields.email')}</Table.Th>
              <Table.Th scope="col">{t('contacts.fields.phone')}</Table.Th>
              <Table.Th scope="col">{t('contacts.fields.gender')}</Table.Th>
              <Table.Th scope="col">{t('contacts.consent.column')}</Table.Th>
              {canManage ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => (
              <Table.Tr key={contact.id}>
                <Table.Td>
                  <Text fw={600}>{contact.name}</Text>
                  {contact.isErased ? <ToneBadge tone="neutral">{t('contacts.erased')}</ToneBadge> : null}
                </Table.Td>
                <Table.Td>{contact.role ?? '–'}</Table.Td>
                <Table.Td>
                  {contact.email ? <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor> : '–'}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {contact.phone ? (
                    <Anchor href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</Anchor>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td>{t(`contacts.gender.${contact.gender}`)}</Table.Td>
                <Table.Td>{contact.isErased ? '–' : <ConsentSummary contact={contact} />}</Table.Td>
                {canManage ? (
                  <Table.Td ta="right">
                    {contact.isErased ? null : (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="gray.8"
                            size="lg"
                            aria-label={t('contacts.actions.label', { name: contact.name })}
                          >
                            <IconDots size={20} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={16} aria-hidden />}
                            onClick={() => setDialog({ kind: 'edit', contact })}
                          >
                            {t('contacts.actions.edit')}
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<IconShieldCheck size={16} aria-hidden />}
                            onClick={() => setDialog({ kind: 'consent', contact })}
                          >
                            {t('contacts.actions.consent')}
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<IconList size={16} aria-hidden />}
                            onClick={() => setDialog({ kind: 'consents', contactId: contact.id })}
                          >
                            {t('contacts.actions.consents')}
                          </Menu.Item>
                          {/* A person's export and erasure go through the coach (decisions 012, 043). */}
                          {company.abilities.canEraseContacts ? (
                            <>
                              <Menu.Item
                                leftSection={<IconDownload size={16} aria-hidden />}
                                onClick={() => void handleExport(contact)}
                              >
                                {t('contacts.actions.export')}
                              </Menu.Item>
                              <Menu.Divider />
                              <Menu.Item
                                color="red.8"
                                leftSection={<IconEraser size={16} aria-hidden />}
                                onClick={() => setDialog({ kind: 'erase', contact })}
                              >
                                {t('contacts.actions.erase')}
                              </Menu.Item>
                            </>
                          ) : null}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {contacts.length === 0 ? <EmptyRow colSpan={columnCount} text={t('contacts.empty')} /> : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dialog?.kind === 'create' ? (
        <ContactFormModal
          companyId={company.id}
          mustRecordConsent={company.abilities.mustRecordConsent}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <ContactFormModal companyId={company.id} contact={dialog.contact} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'consent' ? <ConsentModal contact={dialog.contact} onClose={() => setDialog(null)} /> : null}
      {consentsContact ? <ConsentsModal contact={consentsContact} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'erase' ? <EraseContactModal contact={dialog.contact} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
