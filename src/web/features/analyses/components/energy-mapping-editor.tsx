import { ActionIcon, Box, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { energyUnits, summariseEnergyMapping } from '../../../../core/energy';
import type { Analysis, EmissionFactorSetEntry } from '../../../../contracts/analyses';
import type { EnergyCarrier } from '../../../../contracts/emission-factors';
import type { EnergyLineInput, EnergyMappingInput } from '../../../../contracts/energy-mappings';
import { ErrorAlert } from '../../../components/error-alert';
import { formatIsoDate, formatNumber } from '../../../components/format';
import { useSaveAnalysisContent } from '../api';
import { EnergyResults } from './energy-results';
import { EnergyReadOnlyLines } from './energy-read-only-lines';
import { EnergySplitModal } from './energy-split-modal';
import { fieldErrorsOf } from './field-errors';
import { useLocalised } from './localised';

const swedishNumber = { thousandSeparator: ' ', decimalSeparator: ',' } as const;

type Props = { analysis: Analysis; carriers: readonly EnergyCarrier[]; sets: readonly EmissionFactorSetEntry[] };

/** The energy mapping's form: the year, the factor set, and a line per carrier; results update as you type. */
export function EnergyMappingEditor({ analysis, carriers, sets }: Props) {
  const { t } = useTranslation();
  const localised = useLocalised();
  const canEdit = analysis.abilities.canEdit;
  const [mapping, setMapping] = useState<EnergyMappingInput>(analysis.content as EnergyMappingInput);
  const [splitLine, setSplitLine] = useState<number | null>(null);
  const update = useSaveAnalysisContent(analysis);
  const isDirty = JSON.stringify(mapping) !== JSON.stringify(analysis.content);

  const chosenSet = sets.find((entry) => entry.set.key === mapping.factorSetKey);
  const live = useMemo(() => {
    // The stored mapping computes with the factors it was saved with; another set, with that set's now.
    const factors =
      mapping.factorSetKey === analysis.factorSet?.key && analysis.factors
        ? analysis.factors
        : (chosenSet?.set.factors ?? []);
    return summariseEnergyMapping(mapping, carriers, {
      key: mapping.factorSetKey,
      validFrom: chosenSet?.set.validFrom ?? '',
      factors,
    });
  }, [mapping, carriers, chosenSet, analysis.factorSet?.key, analysis.factors]);
  const serverErrors = fieldErrorsOf(update.error);
  const problemAt = (field: string) => {
    const code = live.problems.find((problem) => problem.field === field)?.code ?? serverErrors.get(`content.${field}`);
    return code ? t(`analyses.energy.problems.${code}` as 'analyses.energy.problems.unknown_unit') : undefined;
  };

  const setLine = (index: number, change: Partial<EnergyLineInput>) =>
    setMapping((current) => ({
      ...current,
      lines: current.lines.map((line, i) => (i === index ? { ...line, ...change } : line)),
    }));
  const carrierName = (key: string) => {
    const carrier = carriers.find((candidate) => candidate.key === key);
    return carrier ? localised(carrier.name) : key;
  };
  const unitsOf = (key: string) => [
    ...Object.keys(energyUnits),
    ...(carriers.find((carrier) => carrier.key === key)?.units.map((unit) => unit.unit) ?? []),
  ];

  async function save() {
    try {
      await update.save(mapping);
      notifications.show({ color: 'teal', message: t('analyses.saved') });
    } catch {
      // shown below the form
    }
  }

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="energy-lines">
        <Title order={2} id="energy-lines" mb="sm">
          {t('analyses.energy.title')}
        </Title>
        {canEdit ? (
          <Group align="flex-end" gap="md" mb="md" wrap="wrap">
            <NumberInput
              label={t('analyses.energy.year')}
              value={mapping.year}
              min={1990}
              max={2100}
              disabled={!canEdit}
              onChange={(value) => setMapping({ ...mapping, year: Number(value) || mapping.year })}
              w={120}
            />
            <Select
              label={t('analyses.energy.factorSet')}
              data={sets.map((entry) => ({ value: entry.set.key, label: localised(entry.set.name) }))}
              value={mapping.factorSetKey}
              allowDeselect={false}
              disabled={!canEdit}
              onChange={(value) => value && setMapping({ ...mapping, factorSetKey: value })}
              error={problemAt('factorSetKey')}
              w={340}
            />
          </Group>
        ) : (
          <Text size="sm" mb={4}>
            {t('analyses.energy.readOnlyHead', {
              year: mapping.year,
              set: chosenSet ? localised(chosenSet.set.name) : mapping.factorSetKey,
            })}
          </Text>
        )}
        {chosenSet ? (
          <Text size="sm" c="dark.6" mb="md">
            {t('analyses.energy.setSource', {
              validFrom: formatIsoDate(chosenSet.set.validFrom),
              source: chosenSet.set.source.name,
              publishedOn: chosenSet.set.source.publishedOn,
            })}
            {mapping.factorSetKey === analysis.factorSet?.key ? ` ${t('analyses.energy.snapshot')}` : ''}
          </Text>
        ) : null}
        {canEdit ? (
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analyses.energy.carrier')}</Table.Th>
                  <Table.Th>{t('analyses.energy.quantity')}</Table.Th>
                  <Table.Th>{t('analyses.energy.unit')}</Table.Th>
                  <Table.Th>{t('analyses.energy.cost')}</Table.Th>
                  <Table.Th>{t('analyses.energy.ownFactor')}</Table.Th>
                  <Table.Th>{t('analyses.energy.split')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mapping.lines.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" c="dark.6">
                        {t('analyses.energy.noLines')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {mapping.lines.map((line, index) => {
                  const label = (name: string) => `${name}, ${t('analyses.energy.lineLabel', { n: index + 1 })}`;
                  const splitSum = Object.values(line.split?.parts ?? {}).reduce((sum, value) => sum + (value ?? 0), 0);
                  return (
                    <Table.Tr key={index}>
                      <Table.Td miw={200}>
                        <Select
                          aria-label={label(t('analyses.energy.carrier'))}
                          data={carriers.map((carrier) => ({ value: carrier.key, label: localised(carrier.name) }))}
                          value={line.carrier}
                          allowDeselect={false}
                          disabled={!canEdit}
                          onChange={(value) => value && setLine(index, { carrier: value, unit: 'kWh' })}
                          error={problemAt(`lines.${index}.carrier`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={label(t('analyses.energy.quantity'))}
                          {...swedishNumber}
                          min={0}
                          value={line.quantity}
                          disabled={!canEdit}
                          onChange={(value) => setLine(index, { quantity: Number(value) || 0 })}
                          error={problemAt(`lines.${index}.quantity`)}
                        />
                      </Table.Td>
                      <Table.Td w={110}>
                        <Select
                          aria-label={label(t('analyses.energy.unit'))}
                          data={unitsOf(line.carrier).map((unit) => ({
                            value: unit,
                            label: t(`analyses.energy.units.${unit}` as 'analyses.energy.units.kWh', {
                              defaultValue: unit,
                            }),
                          }))}
                          value={line.unit}
                          allowDeselect={false}
                          disabled={!canEdit}
                          onChange={(value) => value && setLine(index, { unit: value })}
                          error={problemAt(`lines.${index}.unit`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={label(t('analyses.energy.cost'))}
                          {...swedishNumber}
                          min={0}
                          suffix=" kr"
                          value={line.costSek ?? ''}
                          disabled={!canEdit}
                          onChange={(value) => setLine(index, { costSek: value === '' ? null : Number(value) })}
                          error={problemAt(`lines.${index}.costSek`)}
                        />
                      </Table.Td>
                      <Table.Td w={130}>
                        <NumberInput
                          aria-label={label(t('analyses.energy.ownFactor'))}
                          {...swedishNumber}
                          min={0}
                          max={10}
                          decimalScale={4}
                          placeholder={t('analyses.energy.fromSet')}
                          value={line.emissionFactorKgPerKwh ?? ''}
                          disabled={!canEdit}
                          onChange={(value) =>
                            setLine(index, { emissionFactorKgPerKwh: value === '' ? null : Number(value) })
                          }
                          error={problemAt(`lines.${index}.emissionFactorKgPerKwh`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="light"
                          size="xs"
                          color={problemAt(`lines.${index}.split`) ? 'red' : undefined}
                          onClick={() => setSplitLine(index)}
                          aria-label={label(t('analyses.energy.split'))}
                        >
                          {line.split ? `${formatNumber(splitSum)} %` : t('analyses.energy.notSplit')}
                        </Button>
                        {problemAt(`lines.${index}.split`) ? (
                          <Text size="xs" c="red.8">
                            {problemAt(`lines.${index}.split`)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {canEdit ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={label(t('analyses.energy.removeLine'))}
                            onClick={() =>
                              setMapping({ ...mapping, lines: mapping.lines.filter((_, i) => i !== index) })
                            }
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <EnergyReadOnlyLines mapping={mapping} carrierName={carrierName} />
        )}
        {canEdit ? (
          <Group justify="space-between" mt="md">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setMapping({
                  ...mapping,
                  lines: [...mapping.lines, { carrier: 'electricity', quantity: 0, unit: 'kWh', costSek: null }],
                })
              }
            >
              {t('analyses.energy.addLine')}
            </Button>
            <Button onClick={() => void save()} loading={update.isPending} disabled={!isDirty}>
              {t('analyses.energy.save')}
            </Button>
          </Group>
        ) : null}
        {update.error ? (
          <Box mt="sm">
            <ErrorAlert error={update.error} />
          </Box>
        ) : null}
      </Card>
      <EnergyResults result={live} findings={analysis.findings} carrierName={carrierName} />
      {splitLine !== null && mapping.lines[splitLine] ? (
        <EnergySplitModal
          line={mapping.lines[splitLine]}
          isReadOnly={!canEdit}
          onClose={() => setSplitLine(null)}
          onSave={(split) => {
            setLine(splitLine, { split });
            setSplitLine(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
