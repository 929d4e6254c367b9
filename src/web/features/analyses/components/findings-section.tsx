import { ActionIcon, Button, Card, Group, Menu, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconCircleCheck, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis, Finding } from '../../../../contracts/analyses';
import type { EnergyCarrier } from '../../../../contracts/emission-factors';
import { ConfirmModal } from '../../../components/confirm-modal';
import { formatEffect } from '../../../components/effect-summary';
import { errorMessage } from '../../../components/error-message';
import { formatNumber, formatSek } from '../../../components/format';
import { useConvertFinding, useDeleteFinding } from '../api';
import { FindingFormModal } from './finding-form-modal';

type Dialog = { kind: 'create' } | { kind: 'edit'; finding: Finding } | { kind: 'delete'; finding: Finding } | null;

const orDash = (value: number | null, format: (n: number) => string) => (value === null ? '–' : format(value));

/** An analysis's findings (an energy mapping's measures) with savings, investment and payback; each
 * can become an action of the company's plan in one click. */
export function FindingsSection({ analysis, carriers }: { analysis: Analysis; carriers: readonly EnergyCarrier[] }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const convert = useConvertFinding(analysis.id);
  const remove = useDeleteFinding(analysis.id);
  const isEnergy = analysis.kind === 'energy_mapping';
  const { canEdit, canConvertFindings } = analysis.abilities;

  async function turnIntoAction(finding: Finding) {
    try {
      await convert.mutateAsync(finding.id);
      notifications.show({ color: 'teal', message: t('analyses.findings.converted', { title: finding.title }) });
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  }

  async function handleDelete(finding: Finding) {
    try {
      await remove.mutateAsync({ id: finding.id, version: finding.version });
      setDialog(null);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="analysis-findings">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="analysis-findings">
          {t('analyses.findings.title')}
        </Title>
        {canEdit ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('analyses.findings.add')}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analyses.findings.fields.title')}</Table.Th>
              <Table.Th ta="right">{t('analyses.findings.fields.kwh')}</Table.Th>
              <Table.Th ta="right">{t('analyses.findings.fields.sek')}</Table.Th>
              <Table.Th ta="right">{t('analyses.findings.fields.co2e')}</Table.Th>
              {isEnergy ? null : <Table.Th ta="right">{t('analyses.findings.fields.material')}</Table.Th>}
              <Table.Th ta="right">{t('analyses.findings.fields.investment')}</Table.Th>
              <Table.Th ta="right">{t('analyses.findings.fields.payback')}</Table.Th>
              <Table.Th>{t('analyses.findings.fields.action')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.findings.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text size="sm" c="dark.6">
                    {t('analyses.findings.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {analysis.findings.map((finding) => (
              <Table.Tr key={finding.id}>
                <Table.Td maw={320}>
                  <Text size="sm" fw={600}>
                    {finding.title}
                  </Text>
                  {finding.description ? (
                    <Text size="xs" c="dark.6" lineClamp={2}>
                      {finding.description}
                    </Text>
                  ) : null}
                </Table.Td>
                {/* A negative saving (a heat pump's electricity) is an increase, said as one. */}
                <Table.Td ta="right">{orDash(finding.expectedKwh, (n) => formatEffect(t, 'kwh', n))}</Table.Td>
                <Table.Td ta="right">{orDash(finding.expectedSek, (n) => formatEffect(t, 'sek', n))}</Table.Td>
                <Table.Td ta="right">{orDash(finding.expectedCo2eKg, (n) => formatEffect(t, 'co2eKg', n))}</Table.Td>
                {isEnergy ? null : (
                  <Table.Td ta="right">
                    {orDash(finding.expectedMaterialTonnes, (n) => `${formatNumber(n)} t`)}
                  </Table.Td>
                )}
                <Table.Td ta="right">{orDash(finding.investmentSek, formatSek)}</Table.Td>
                <Table.Td ta="right">
                  {orDash(finding.paybackYears, (n) =>
                    t('analyses.findings.years', { years: formatNumber(Math.round(n * 10) / 10) }),
                  )}
                </Table.Td>
                <Table.Td>
                  {finding.actionId ? (
                    <Group gap={4} wrap="nowrap">
                      <IconCircleCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden />
                      <Text size="sm" c="teal.9" fw={600}>
                        {t('analyses.findings.isAction')}
                      </Text>
                    </Group>
                  ) : canConvertFindings ? (
                    <Button
                      size="xs"
                      variant="light"
                      rightSection={<IconArrowRight size={14} aria-hidden />}
                      loading={convert.isPending && convert.variables === finding.id}
                      onClick={() => void turnIntoAction(finding)}
                      aria-label={t('analyses.findings.convertLabel', { title: finding.title })}
                    >
                      {t('analyses.findings.convert')}
                    </Button>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('analyses.findings.actionsFor', { title: finding.title })}
                        >
                          <IconDots size={18} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          leftSection={<IconPencil size={16} aria-hidden />}
                          onClick={() => setDialog({ kind: 'edit', finding })}
                        >
                          {t('common.edit')}
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={16} aria-hidden />}
                          onClick={() => setDialog({ kind: 'delete', finding })}
                        >
                          {t('analyses.findings.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <FindingFormModal
          analysis={analysis}
          carriers={carriers}
          finding={dialog.kind === 'edit' ? dialog.finding : null}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmModal
          opened
          title={t('analyses.findings.deleteTitle')}
          text={t('analyses.findings.deleteText', { title: dialog.finding.title })}
          confirmLabel={t('analyses.findings.delete')}
          isDestructive
          isPending={remove.isPending}
          onConfirm={() => void handleDelete(dialog.finding)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </Card>
  );
}
