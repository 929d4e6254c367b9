import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalBases, type LegalBasis } from '../../../../core/state-aid';
import type { Grant, GrantBody, GrantValuation } from '../../../../contracts/state-aid';
import { formatIsoDate, formatNumber, todayIsoDate } from '../../../components/format';
import { usePreviewGrant, useMakeGrant, useUpcomingActivities } from '../api';
import { formatCents, formatOre } from '../money';
import { RefusalAlert } from './refusal-alert';

type PlannedRow = { activityId: string | null; participants: number | string };

const outcomeColour = { within: 'teal', warning: 'yellow', refused: 'red' } as const;

/** A grant (stödbeslut): planned hours and places, the grant date and legal basis; "Beräkna" shows
 * the value and the ceiling check before the coach makes it. A correction replaces a grant. */
export function GrantModal({
  companyId,
  defaultLegalBasis,
  replacing,
  onClose,
}: {
  companyId: string;
  defaultLegalBasis: LegalBasis;
  replacing: Grant | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const preview = usePreviewGrant(companyId);
  const make = useMakeGrant(companyId);
  const activities = useUpcomingActivities(true);
  const [grantedOn, setGrantedOn] = useState(replacing?.grantedOn ?? todayIsoDate());
  const [plannedHours, setPlannedHours] = useState<number | string>(replacing?.plannedHours ?? 10);
  const [legalBasis, setLegalBasis] = useState<LegalBasis>(replacing?.legalBasis ?? defaultLegalBasis);
  const [rows, setRows] = useState<PlannedRow[]>(
    replacing?.plannedActivities.map((a) => ({ activityId: a.activityId, participants: a.participants })) ?? [],
  );
  const [reason, setReason] = useState('');
  const [valuation, setValuation] = useState<GrantValuation | null>(null);

  const body = (): GrantBody => ({
    grantedOn,
    plannedHours: Number(plannedHours) || 0,
    plannedActivities: rows
      .filter((row) => row.activityId)
      .map((row) => ({ activityId: row.activityId!, participants: Number(row.participants) || 1 })),
    legalBasis,
    ...(replacing && { replacesGrantId: replacing.id, replacementReason: reason }),
  });

  async function calculate() {
    make.reset();
    try {
      setValuation(await preview.mutateAsync(body()));
    } catch {
      setValuation(null);
    }
  }

  async function submit() {
    try {
      const created = await make.mutateAsync(body());
      const ceiling = created.valuation.ceiling;
      notifications.show({
        color: ceiling?.outcome === 'warning' ? 'yellow' : 'teal',
        message:
          ceiling?.outcome === 'warning'
            ? t('stateAid.grants.warningMade', { percent: ceiling.percentOfCeiling })
            : t('stateAid.grants.made'),
      });
      onClose();
    } catch {
      // shown in the form
    }
  }

  const activityOptions = (activities.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.title} (${formatIsoDate(a.startsAt)})`,
  }));
  const ceiling = valuation?.ceiling;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t(replacing ? 'stateAid.grants.modal.correctionTitle' : 'stateAid.grants.modal.title')}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('stateAid.grants.grantedOn')}
            type="date"
            required
            value={grantedOn}
            onChange={(event) => setGrantedOn(event.currentTarget.value)}
          />
          <NumberInput
            label={t('stateAid.grants.modal.plannedHours')}
            min={0}
            step={0.25}
            decimalScale={2}
            decimalSeparator=","
            value={plannedHours}
            onChange={setPlannedHours}
          />
          <Select
            style={{ gridColumn: '1 / -1' }}
            label={t('stateAid.grants.legalBasis')}
            data={legalBases.map((basis) => ({ value: basis, label: t(`stateAid.legalBases.${basis}`) }))}
            value={legalBasis}
            allowDeselect={false}
            onChange={(value) => value && setLegalBasis(value as LegalBasis)}
          />
        </SimpleGrid>
        <Text fw={600}>{t('stateAid.grants.modal.activities')}</Text>
        {rows.map((row, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <Select
              style={{ flex: 1 }}
              label={t('stateAid.grants.modal.activity')}
              data={activityOptions}
              value={row.activityId}
              searchable
              onChange={(value) =>
                setRows((current) => current.map((r, i) => (i === index ? { ...r, activityId: value } : r)))
              }
            />
            <NumberInput
              w={140}
              label={t('stateAid.grants.modal.participants')}
              min={1}
              value={row.participants}
              onChange={(value) =>
                setRows((current) => current.map((r, i) => (i === index ? { ...r, participants: value } : r)))
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t('stateAid.grants.modal.removeActivity', { number: index + 1 })}
              onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setRows((current) => [...current, { activityId: null, participants: 1 }])}
          >
            {t('stateAid.grants.modal.addActivity')}
          </Button>
        </Group>
        {replacing ? (
          <Textarea
            label={t('stateAid.grants.modal.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        ) : null}
        {valuation ? (
          <Stack gap="xs" aria-live="polite">
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {valuation.hourlyRateSek !== null ? (
                  <Table.Tr>
                    <Table.Td>
                      {t('stateAid.grants.modal.hoursValue', {
                        hours: formatNumber(valuation.plannedHours),
                        rate: formatOre(valuation.hourlyRateSek * 100),
                      })}
                    </Table.Td>
                    <Table.Td ta="right">{formatOre(valuation.hoursOre)}</Table.Td>
                  </Table.Tr>
                ) : null}
                {valuation.activitiesOre > 0 ? (
                  <Table.Tr>
                    <Table.Td>{t('stateAid.grants.modal.activitiesValue')}</Table.Td>
                    <Table.Td ta="right">{formatOre(valuation.activitiesOre)}</Table.Td>
                  </Table.Tr>
                ) : null}
                <Table.Tr>
                  <Table.Td fw={700}>{t('stateAid.grants.value')}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatOre(valuation.valueOre)} · {formatCents(valuation.valueCents)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td c="dark.5" colSpan={2}>
                    {t('stateAid.grants.modal.rate', {
                      month: valuation.rateMonth,
                      rate: valuation.sekPerEur.replace('.', ','),
                    })}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {ceiling ? (
              <Alert
                color={outcomeColour[ceiling.outcome]}
                variant="light"
                role={ceiling.outcome === 'within' ? 'status' : 'alert'}
              >
                <Text fw={600} mb={4}>
                  {ceiling.outcome === 'within'
                    ? t('stateAid.grants.modal.within')
                    : ceiling.outcome === 'warning'
                      ? t('stateAid.grants.modal.warning', { percent: ceiling.percentOfCeiling })
                      : t('stateAid.grants.modal.refused')}
                </Text>
                <Text size="sm">
                  {t('stateAid.grants.modal.window', {
                    from: formatIsoDate(ceiling.windowFrom),
                    to: formatIsoDate(ceiling.windowTo),
                  })}
                </Text>
                <Text size="sm">
                  {t('stateAid.grants.modal.earlier')}: {formatCents(ceiling.earlierCents)} ·{' '}
                  {t('stateAid.grants.modal.thisGrant')}: {formatCents(ceiling.grantCents)} ·{' '}
                  {t('stateAid.grants.modal.total')}:{' '}
                  {formatCents(ceiling.laterBreach?.totalCents ?? ceiling.totalCents)} /{' '}
                  {formatCents(ceiling.ceilingCents)}
                </Text>
                <Text size="sm">
                  {t('stateAid.grants.modal.roomAfter')}: {formatCents(ceiling.roomAfterCents)}
                </Text>
              </Alert>
            ) : (
              <Text size="sm">{t('stateAid.grants.modal.notDeMinimis')}</Text>
            )}
          </Stack>
        ) : null}
        {preview.error ? <RefusalAlert error={preview.error} /> : null}
        {make.error ? <RefusalAlert error={make.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('stateAid.cancel')}
          </Button>
          <Button variant="light" onClick={() => void calculate()} loading={preview.isPending}>
            {t('stateAid.grants.modal.preview')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={make.isPending}
            disabled={!valuation || ceiling?.outcome === 'refused'}
          >
            {t('stateAid.grants.modal.make')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
