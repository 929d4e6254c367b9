import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalBases, type LegalBasis } from '../../../../core/state-aid';
import type { EurRate, HourlyRate, StateAidSettings } from '../../../../contracts/state-aid';
import { downloadFile } from '../../../components/download';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatIsoDate, todayIsoDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useOrganisations } from '../../../components/people-and-organisations';
import {
  useEurRates,
  useHourlyRates,
  useSaveEurRate,
  useSaveHourlyRate,
  useSaveStateAidSettings,
  useStateAidSettings,
} from '../api';
import { formatOre } from '../money';

/** Project management's state aid page: settings, hourly rates, EUR rates and the programme export. */
export function StateAidAdminPage() {
  const { t } = useTranslation();
  const settings = useStateAidSettings();
  const hourly = useHourlyRates();
  const eur = useEurRates();
  const [editingHourly, setEditingHourly] = useState<HourlyRate | 'new' | null>(null);
  const [editingEur, setEditingEur] = useState<EurRate | 'new' | null>(null);
  if (settings.isPending || hourly.isPending || eur.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('stateAid.loading')} />
      </Center>
    );
  }
  const error = settings.error ?? hourly.error ?? eur.error;
  if (error || !settings.data || !hourly.data || !eur.data) return <ErrorAlert error={error} />;
  return (
    <>
      <PageHeader title={t('stateAid.admin.title')} description={t('stateAid.admin.description')} />
      <Stack gap="lg">
        <SettingsCard settings={settings.data} />
        <Card withBorder padding="lg" component="section" aria-labelledby="hourly-rates">
          <Group justify="space-between" mb="sm">
            <Title order={2} id="hourly-rates">
              {t('stateAid.admin.hourlyRates')}
            </Title>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditingHourly('new')}>
              {t('stateAid.admin.addHourlyRate')}
            </Button>
          </Group>
          {hourly.data.items.length === 0 ? <Text c="dark.4">{t('stateAid.admin.none')}</Text> : null}
          {hourly.data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('stateAid.admin.organisation')}</Table.Th>
                    <Table.Th>{t('stateAid.admin.year')}</Table.Th>
                    <Table.Th ta="right">{t('stateAid.admin.rateSek')}</Table.Th>
                    <Table.Th>{t('stateAid.admin.decidedOn')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {hourly.data.items.map((rate) => (
                    <Table.Tr key={rate.id}>
                      <Table.Td>{rate.organisationName}</Table.Td>
                      <Table.Td>{rate.year}</Table.Td>
                      <Table.Td ta="right">{formatOre(rate.rateSek * 100)}</Table.Td>
                      <Table.Td>{formatIsoDate(rate.decidedOn)}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={`${t('stateAid.admin.edit')} ${rate.organisationName} ${rate.year}`}
                          onClick={() => setEditingHourly(rate)}
                        >
                          {t('stateAid.admin.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="eur-rates">
          <Group justify="space-between" mb="sm">
            <Title order={2} id="eur-rates">
              {t('stateAid.admin.eurRates')}
            </Title>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditingEur('new')}>
              {t('stateAid.admin.addEurRate')}
            </Button>
          </Group>
          {eur.data.items.length === 0 ? <Text c="dark.4">{t('stateAid.admin.none')}</Text> : null}
          {eur.data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('stateAid.admin.month')}</Table.Th>
                    <Table.Th ta="right">{t('stateAid.admin.sekPerEur')}</Table.Th>
                    <Table.Th>{t('stateAid.admin.source')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {eur.data.items.map((rate) => (
                    <Table.Tr key={rate.id}>
                      <Table.Td>{rate.month}</Table.Td>
                      <Table.Td ta="right">{rate.sekPerEur.replace('.', ',')}</Table.Td>
                      <Table.Td>{rate.source}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={`${t('stateAid.admin.edit')} ${rate.month}`}
                          onClick={() => setEditingEur(rate)}
                        >
                          {t('stateAid.admin.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Card>
        <ExportCard />
      </Stack>
      {editingHourly ? (
        <HourlyRateModal rate={editingHourly === 'new' ? null : editingHourly} onClose={() => setEditingHourly(null)} />
      ) : null}
      {editingEur ? (
        <EurRateModal rate={editingEur === 'new' ? null : editingEur} onClose={() => setEditingEur(null)} />
      ) : null}
    </>
  );
}

function SettingsCard({ settings }: { settings: StateAidSettings }) {
  const { t } = useTranslation();
  const save = useSaveStateAidSettings();
  const [legalBasis, setLegalBasis] = useState<LegalBasis>(settings.legalBasis);
  const [months, setMonths] = useState<number | string>(settings.declarationValidMonths);
  const submit = async () => {
    try {
      await save.mutateAsync({ version: settings.version, legalBasis, declarationValidMonths: Number(months) });
      notifications.show({ color: 'teal', message: t('stateAid.admin.settingsSaved') });
    } catch {
      // shown below
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-settings">
      <Title order={2} id="state-aid-settings" mb="sm">
        {t('stateAid.admin.settings')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('stateAid.admin.defaultLegalBasis')}
          data={legalBases.map((basis) => ({ value: basis, label: t(`stateAid.legalBases.${basis}`) }))}
          value={legalBasis}
          allowDeselect={false}
          onChange={(value) => value && setLegalBasis(value as LegalBasis)}
        />
        <NumberInput label={t('stateAid.admin.validMonths')} min={1} max={36} value={months} onChange={setMonths} />
      </SimpleGrid>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Group justify="flex-end" mt="sm">
        <Button onClick={() => void submit()} loading={save.isPending}>
          {t('stateAid.admin.saveSettings')}
        </Button>
      </Group>
    </Card>
  );
}

function HourlyRateModal({ rate, onClose }: { rate: HourlyRate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveHourlyRate();
  const organisations = useOrganisations();
  const [organisationId, setOrganisationId] = useState<string | null>(rate?.organisationId ?? null);
  const [year, setYear] = useState<number | string>(rate?.year ?? new Date().getFullYear());
  const [rateSek, setRateSek] = useState<number | string>(rate?.rateSek ?? '');
  const [decidedOn, setDecidedOn] = useState(rate?.decidedOn ?? todayIsoDate());
  const submit = async () => {
    try {
      await (rate
        ? save.mutateAsync({ id: rate.id, body: { version: rate.version, rateSek: Number(rateSek), decidedOn } })
        : save.mutateAsync({
            id: null,
            body: { organisationId: organisationId ?? '', year: Number(year), rateSek: Number(rateSek), decidedOn },
          }));
      notifications.show({ color: 'teal', message: t('stateAid.admin.saved') });
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Modal opened onClose={onClose} title={rate ? t('stateAid.admin.edit') : t('stateAid.admin.addHourlyRate')}>
      <Stack gap="sm">
        <Select
          label={t('stateAid.admin.organisation')}
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId}
          disabled={rate !== null}
          required
          onChange={setOrganisationId}
        />
        <NumberInput label={t('stateAid.admin.year')} value={year} disabled={rate !== null} onChange={setYear} />
        <NumberInput label={t('stateAid.admin.rateSek')} min={1} value={rateSek} required onChange={setRateSek} />
        <TextInput
          label={t('stateAid.admin.decidedOn')}
          type="date"
          required
          value={decidedOn}
          onChange={(event) => setDecidedOn(event.currentTarget.value)}
        />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('stateAid.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('stateAid.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EurRateModal({ rate, onClose }: { rate: EurRate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveEurRate();
  const [month, setMonth] = useState(rate?.month ?? todayIsoDate().slice(0, 7));
  const [sekPerEur, setSekPerEur] = useState(rate?.sekPerEur.replace('.', ',') ?? '');
  const [source, setSource] = useState(rate?.source ?? '');
  const submit = async () => {
    const typed = sekPerEur.trim().replace(',', '.');
    try {
      await (rate
        ? save.mutateAsync({ id: rate.id, body: { version: rate.version, sekPerEur: typed, source } })
        : save.mutateAsync({ id: null, body: { month, sekPerEur: typed, source } }));
      notifications.show({ color: 'teal', message: t('stateAid.admin.saved') });
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Modal opened onClose={onClose} title={rate ? t('stateAid.admin.edit') : t('stateAid.admin.addEurRate')}>
      <Stack gap="sm">
        <TextInput
          label={t('stateAid.admin.month')}
          type="month"
          required
          disabled={rate !== null}
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
        />
        <TextInput
          label={t('stateAid.admin.sekPerEur')}
          inputMode="decimal"
          required
          value={sekPerEur}
          onChange={(event) => setSekPerEur(event.currentTarget.value)}
        />
        <TextInput
          label={t('stateAid.admin.source')}
          required
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
        />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('stateAid.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('stateAid.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ExportCard() {
  const { t } = useTranslation();
  const year = todayIsoDate().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(todayIsoDate());
  const download = () =>
    downloadFile(`/api/state-aid-grants/export?from=${from}&to=${to}`, `stodbeslut-${from}-${to}.xlsx`).catch(
      (failure: unknown) => notifications.show({ color: 'red', message: errorMessage(t, failure) }),
    );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-export">
      <Title order={2} id="state-aid-export">
        {t('stateAid.admin.export')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('stateAid.admin.exportDescription')}
      </Text>
      <Group align="flex-end">
        <TextInput
          label={t('stateAid.admin.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t('stateAid.admin.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          onClick={() => void download()}
        >
          {t('stateAid.admin.download')}
        </Button>
      </Group>
    </Card>
  );
}
