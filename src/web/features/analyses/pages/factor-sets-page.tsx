import {
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmissionFactorSetEntry } from '../../../../contracts/analyses';
import type { EmissionFactorSetContent, EnergyCarrier } from '../../../../contracts/emission-factors';
import { ErrorAlert } from '../../../components/error-alert';
import { formatIsoDate, formatNumber } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useFactorSets, useSaveFactorSet } from '../api';
import { useLocalised } from '../components/localised';

/** Emission factor sets: the dated content files (read-only) and the sets project management keeps here. */
export function FactorSetsPage() {
  const { t } = useTranslation();
  const localised = useLocalised();
  const { data, error, isPending } = useFactorSets();
  const [editing, setEditing] = useState<{
    entry: EmissionFactorSetEntry | null;
    template: EmissionFactorSetContent;
  } | null>(null);

  if (isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error || !data) return <ErrorAlert error={error} />;
  const newest = data.sets.at(-1)!.set;
  const carrierName = (key: string) => {
    const carrier = data.carriers.find((candidate) => candidate.key === key);
    return carrier ? localised(carrier.name) : key;
  };
  return (
    <>
      <PageHeader
        title={t('analyses.factorSets.title')}
        description={t('analyses.factorSets.description')}
        actions={
          data.canManage ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing({ entry: null, template: { ...newest, key: '', validFrom: '' } })}
            >
              {t('analyses.factorSets.add')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {[...data.sets].reverse().map((entry) => (
          <Card
            key={entry.set.key}
            withBorder
            padding="lg"
            component="section"
            aria-labelledby={`set-${entry.set.key}`}
          >
            <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
              <div>
                <Text component="h2" fz="lg" fw={700} id={`set-${entry.set.key}`}>
                  {localised(entry.set.name)}
                </Text>
                <Text size="sm" c="dark.6">
                  {t('analyses.factorSets.meta', {
                    key: entry.set.key,
                    validFrom: formatIsoDate(entry.set.validFrom),
                    source: entry.set.source.name,
                    publishedOn: entry.set.source.publishedOn,
                  })}
                </Text>
              </div>
              <Group gap="xs">
                <Badge variant="light" color={entry.origin === 'content' ? 'gray' : 'teal'}>
                  {t(`analyses.factorSets.origins.${entry.origin}`)}
                </Badge>
                {data.canManage && entry.origin === 'database' ? (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setEditing({ entry, template: entry.set })}
                  >
                    {t('common.edit')}
                  </Button>
                ) : null}
              </Group>
            </Group>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={4} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('analyses.energy.carrier')}</Table.Th>
                    <Table.Th ta="right">{t('analyses.factorSets.factor')}</Table.Th>
                    <Table.Th>{t('analyses.factorSets.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entry.set.factors.map((factor) => (
                    <Table.Tr key={factor.carrier}>
                      <Table.Td>{carrierName(factor.carrier)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(factor.value * 1_000)} g/kWh
                        {factor.unconfirmed ? (
                          <Badge ml="xs" size="xs" color="orange" variant="light">
                            {t('analyses.factorSets.unconfirmed')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{factor.source.name}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ))}
      </Stack>
      {editing ? (
        <FactorSetModal
          entry={editing.entry}
          template={editing.template}
          carriers={data.carriers}
          carrierName={carrierName}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

/** Adds a set (starting from the newest) or changes one kept in the platform; values in g CO2e/kWh. */
function FactorSetModal({
  entry,
  template,
  carriers,
  carrierName,
  onClose,
}: {
  entry: EmissionFactorSetEntry | null;
  template: EmissionFactorSetContent;
  carriers: readonly EnergyCarrier[];
  carrierName: (key: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveFactorSet();
  const [set, setSet] = useState<EmissionFactorSetContent>(template);
  const valueOf = (carrier: string) => set.factors.find((factor) => factor.carrier === carrier)?.value;
  const setValue = (carrier: string, grams: number | '') => {
    const others = set.factors.filter((factor) => factor.carrier !== carrier);
    const existing = set.factors.find((factor) => factor.carrier === carrier);
    if (grams === '') return setSet({ ...set, factors: others });
    setSet({
      ...set,
      factors: [
        ...others,
        {
          carrier,
          unit: 'kg CO2e/kWh',
          value: grams / 1_000,
          source: existing?.source ?? set.source,
        },
      ],
    });
  };

  async function submit() {
    try {
      await save.mutateAsync({ version: entry?.version ?? null, set });
      notifications.show({ color: 'teal', message: t('analyses.saved') });
      onClose();
    } catch {
      // shown in the form
    }
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={t(entry ? 'analyses.factorSets.edit' : 'analyses.factorSets.add')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('analyses.factorSets.key')}
            description={t('analyses.factorSets.keyHelp')}
            required
            disabled={entry !== null}
            value={set.key}
            onChange={(event) => setSet({ ...set, key: event.currentTarget.value })}
          />
          <TextInput
            label={t('analyses.factorSets.validFrom')}
            type="date"
            required
            value={set.validFrom}
            onChange={(event) => setSet({ ...set, validFrom: event.currentTarget.value })}
          />
          <TextInput
            label={t('analyses.factorSets.nameSv')}
            required
            value={set.name.sv}
            onChange={(event) => setSet({ ...set, name: { ...set.name, sv: event.currentTarget.value } })}
          />
          <TextInput
            label={t('analyses.factorSets.nameEn')}
            required
            value={set.name.en}
            onChange={(event) => setSet({ ...set, name: { ...set.name, en: event.currentTarget.value } })}
          />
          <TextInput
            label={t('analyses.factorSets.sourceName')}
            required
            value={set.source.name}
            onChange={(event) => setSet({ ...set, source: { ...set.source, name: event.currentTarget.value } })}
          />
          <TextInput
            label={t('analyses.factorSets.publishedOn')}
            required
            value={set.source.publishedOn}
            onChange={(event) => setSet({ ...set, source: { ...set.source, publishedOn: event.currentTarget.value } })}
          />
        </SimpleGrid>
        <Text fw={600}>{t('analyses.factorSets.values')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {carriers.map((carrier) => {
            const value = valueOf(carrier.key);
            return (
              <NumberInput
                key={carrier.key}
                label={carrierName(carrier.key)}
                suffix=" g/kWh"
                min={0}
                decimalSeparator=","
                decimalScale={2}
                value={value === undefined ? '' : Math.round(value * 1_000_000) / 1_000}
                onChange={(next) => setValue(carrier.key, next === '' ? '' : Number(next))}
              />
            );
          })}
        </SimpleGrid>
        {save.error ? (
          <Box>
            <ErrorAlert error={save.error} />
          </Box>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
