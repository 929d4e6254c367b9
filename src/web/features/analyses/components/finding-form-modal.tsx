import {
  Box,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { energyUseCategories } from '../../../../core/energy';
import type { Analysis, Finding } from '../../../../contracts/analyses';
import type { EnergyCarrier } from '../../../../contracts/emission-factors';
import { ErrorAlert } from '../../../components/error-alert';
import { useAddFinding, useUpdateFinding } from '../api';
import { fieldErrorsOf } from './field-errors';
import { useLocalised } from './localised';

const swedishNumber = { thousandSeparator: ' ', decimalSeparator: ',' } as const;
type NumberField = number | '';
const toNumber = (value: NumberField) => (value === '' ? null : value);
const fromNumber = (value: number | null | undefined): NumberField =>
  value === null || value === undefined ? '' : value;

/** Adds or changes a finding. For an energy measure with a carrier, CO2e and SEK are computed on the
 * server from the kWh unless typed; CO2e is typed in tonnes and sent in kg (decision 016). */
export function FindingFormModal({
  analysis,
  carriers,
  finding,
  onClose,
}: {
  analysis: Analysis;
  carriers: readonly EnergyCarrier[];
  finding: Finding | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localised = useLocalised();
  const isEnergy = analysis.kind === 'energy_mapping';
  const add = useAddFinding(analysis.id);
  const update = useUpdateFinding(analysis.id);
  const mutation = finding ? update : add;
  const [title, setTitle] = useState(finding?.title ?? '');
  const [description, setDescription] = useState(finding?.description ?? '');
  const [carrier, setCarrier] = useState<string | null>(finding?.carrier ?? null);
  const [energyCategory, setEnergyCategory] = useState<string | null>(finding?.energyCategory ?? null);
  const [kwh, setKwh] = useState<NumberField>(fromNumber(finding?.expectedKwh));
  const [tonnesCo2e, setTonnesCo2e] = useState<NumberField>(
    finding?.expectedCo2eKg === null || finding?.expectedCo2eKg === undefined ? '' : finding.expectedCo2eKg / 1_000,
  );
  const [sek, setSek] = useState<NumberField>(fromNumber(finding?.expectedSek));
  const [material, setMaterial] = useState<NumberField>(fromNumber(finding?.expectedMaterialTonnes));
  const [investment, setInvestment] = useState<NumberField>(fromNumber(finding?.investmentSek));
  // With a carrier, figures left as the server computed them are sent as "not typed" so they follow the kWh.
  const [isCo2eTyped, setCo2eTyped] = useState(!finding?.carrier && finding?.expectedCo2eKg !== null);
  const [isSekTyped, setSekTyped] = useState(!finding?.carrier && finding?.expectedSek !== null);
  const errors = fieldErrorsOf(mutation.error);
  const errorOf = (field: string) => (errors.has(field) ? t('analyses.findings.fieldError') : undefined);

  async function save() {
    const body = {
      title,
      description: description.trim() === '' ? null : description,
      ...(isEnergy && {
        carrier,
        energyCategory: energyCategory as (typeof energyUseCategories)[number] | null,
      }),
      expectedKwh: toNumber(kwh),
      expectedCo2eKg: carrier && !isCo2eTyped ? null : tonnesCo2e === '' ? null : tonnesCo2e * 1_000,
      expectedSek: carrier && !isSekTyped ? null : toNumber(sek),
      expectedMaterialTonnes: toNumber(material),
      investmentSek: toNumber(investment),
    };
    try {
      if (finding) await update.mutateAsync({ id: finding.id, version: finding.version, ...body });
      else await add.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('analyses.saved') });
      onClose();
    } catch {
      // shown in the form
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(finding ? 'analyses.findings.editTitle' : 'analyses.findings.add')}
    >
      <Stack gap="md">
        <TextInput
          label={t('analyses.findings.fields.title')}
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errorOf('title')}
        />
        <Textarea
          label={t('analyses.findings.fields.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        {isEnergy ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('analyses.findings.fields.carrier')}
              description={t('analyses.findings.carrierHelp')}
              clearable
              data={carriers.map((candidate) => ({ value: candidate.key, label: localised(candidate.name) }))}
              value={carrier}
              onChange={setCarrier}
              error={errorOf('carrier')}
            />
            <Select
              label={t('analyses.findings.fields.category')}
              clearable
              data={energyUseCategories.map((category) => ({
                value: category,
                label: t(`analyses.energy.categories.${category}`),
              }))}
              value={energyCategory}
              onChange={setEnergyCategory}
            />
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('analyses.findings.fields.kwhInput')}
            {...swedishNumber}
            value={kwh}
            onChange={(value) => setKwh(value === '' ? '' : Number(value))}
            error={errorOf('expectedKwh')}
          />
          <NumberInput
            label={t('analyses.findings.fields.co2eInput')}
            {...swedishNumber}
            decimalScale={3}
            placeholder={carrier ? t('analyses.findings.computed') : undefined}
            value={carrier && !isCo2eTyped ? '' : tonnesCo2e}
            onChange={(value) => {
              setCo2eTyped(value !== '');
              setTonnesCo2e(value === '' ? '' : Number(value));
            }}
            error={errorOf('expectedCo2eKg')}
          />
          <NumberInput
            label={t('analyses.findings.fields.sekInput')}
            {...swedishNumber}
            suffix=" kr"
            placeholder={carrier ? t('analyses.findings.computed') : undefined}
            value={carrier && !isSekTyped ? '' : sek}
            onChange={(value) => {
              setSekTyped(value !== '');
              setSek(value === '' ? '' : Number(value));
            }}
            error={errorOf('expectedSek')}
          />
          <NumberInput
            label={t('analyses.findings.fields.investment')}
            {...swedishNumber}
            min={0}
            suffix=" kr"
            value={investment}
            onChange={(value) => setInvestment(value === '' ? '' : Number(value))}
            error={errorOf('investmentSek')}
          />
          {isEnergy ? null : (
            <NumberInput
              label={t('analyses.findings.fields.materialInput')}
              {...swedishNumber}
              decimalScale={2}
              value={material}
              onChange={(value) => setMaterial(value === '' ? '' : Number(value))}
              error={errorOf('expectedMaterialTonnes')}
            />
          )}
        </SimpleGrid>
        {carrier ? (
          <Text size="sm" c="dark.6">
            {t('analyses.findings.computedHelp')}
          </Text>
        ) : null}
        {mutation.error ? (
          <Box>
            <ErrorAlert error={mutation.error} />
          </Box>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
