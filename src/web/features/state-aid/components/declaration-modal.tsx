import { ActionIcon, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { todayIsoDate } from '../../../components/format';
import { useDeclare } from '../api';
import { parseKronorToOre } from '../money';

type AidRow = { grantingBody: string; amount: string; decidedOn: string; paidAmount: string; paidOn: string };
const emptyRow: AidRow = { grantingBody: '', amount: '', decidedOn: '', paidAmount: '', paidOn: '' };

/** The declaration of earlier de minimis aid: "no earlier aid" or a row per aid, the signing date
 * and the signer. Staff enter it from the signed paper; the company's own user fills it in. */
export function DeclarationModal({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const declare = useDeclare(companyId);
  const [hasEarlierAid, setHasEarlierAid] = useState<'no' | 'yes'>('no');
  const [rows, setRows] = useState<AidRow[]>([{ ...emptyRow }]);
  const [signedOn, setSignedOn] = useState(todayIsoDate());
  const [signerName, setSignerName] = useState('');
  const [amountErrors, setAmountErrors] = useState<Record<string, string>>({});

  const setRow = (index: number, patch: Partial<AidRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function submit() {
    const errors: Record<string, string> = {};
    const aids =
      hasEarlierAid === 'yes'
        ? rows.map((row, index) => {
            const amountOre = parseKronorToOre(row.amount);
            const paidAmountOre = row.paidAmount.trim() ? parseKronorToOre(row.paidAmount) : null;
            if (amountOre === null) errors[`${index}.amount`] = t('stateAid.declarations.modal.amountInvalid');
            if (row.paidAmount.trim() && paidAmountOre === null) {
              errors[`${index}.paidAmount`] = t('stateAid.declarations.modal.amountInvalid');
            }
            return {
              grantingBody: row.grantingBody,
              amountOre: amountOre ?? 0,
              decidedOn: row.decidedOn,
              paidAmountOre,
              paidOn: row.paidOn || null,
            };
          })
        : [];
    setAmountErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await declare.mutateAsync({ hasEarlierAid: hasEarlierAid === 'yes', aids, signedOn, signerName });
      notifications.show({ color: 'teal', message: t('stateAid.declarations.saved') });
      onClose();
    } catch {
      // shown in the form
    }
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={t('stateAid.declarations.modal.title')}>
      <Stack gap="md">
        <Text size="sm">{t('stateAid.declarations.modal.intro')}</Text>
        <Radio.Group
          label={t('stateAid.declarations.modal.hasEarlierAid')}
          value={hasEarlierAid}
          onChange={(value) => setHasEarlierAid(value as 'no' | 'yes')}
        >
          <Group mt="xs">
            <Radio value="no" label={t('stateAid.declarations.modal.no')} />
            <Radio value="yes" label={t('stateAid.declarations.modal.yes')} />
          </Group>
        </Radio.Group>
        {hasEarlierAid === 'yes'
          ? rows.map((row, index) => (
              <fieldset key={index} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('stateAid.declarations.modal.grantingBody')}
                    required
                    value={row.grantingBody}
                    onChange={(event) => setRow(index, { grantingBody: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('stateAid.declarations.modal.amount')}
                    required
                    inputMode="decimal"
                    value={row.amount}
                    error={amountErrors[`${index}.amount`]}
                    onChange={(event) => setRow(index, { amount: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('stateAid.declarations.modal.decidedOn')}
                    type="date"
                    required
                    value={row.decidedOn}
                    onChange={(event) => setRow(index, { decidedOn: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('stateAid.declarations.modal.paidAmount')}
                    inputMode="decimal"
                    value={row.paidAmount}
                    error={amountErrors[`${index}.paidAmount`]}
                    onChange={(event) => setRow(index, { paidAmount: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('stateAid.declarations.modal.paidOn')}
                    type="date"
                    value={row.paidOn}
                    onChange={(event) => setRow(index, { paidOn: event.currentTarget.value })}
                  />
                  <Group align="flex-end">
                    {rows.length > 1 ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('stateAid.declarations.modal.removeAid', { number: index + 1 })}
                        onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Group>
                </SimpleGrid>
              </fieldset>
            ))
          : null}
        {hasEarlierAid === 'yes' ? (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows((current) => [...current, { ...emptyRow }])}
            >
              {t('stateAid.declarations.modal.addAid')}
            </Button>
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('stateAid.declarations.modal.signedOn')}
            type="date"
            required
            value={signedOn}
            onChange={(event) => setSignedOn(event.currentTarget.value)}
          />
          <TextInput
            label={t('stateAid.declarations.modal.signerName')}
            required
            value={signerName}
            onChange={(event) => setSignerName(event.currentTarget.value)}
          />
        </SimpleGrid>
        {declare.error ? <ErrorAlert error={declare.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('stateAid.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={declare.isPending}>
            {t('stateAid.declarations.modal.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
