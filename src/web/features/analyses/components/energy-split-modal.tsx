import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { energyUseCategoryGroups, energyUseGroups, type EnergyUseCategory } from '../../../../core/energy';
import type { EnergyLineInput } from '../../../../contracts/energy-mappings';
import { formatNumber } from '../../../components/format';

/** How one line's energy is split over the balance's categories, in percent. */
export function EnergySplitModal({
  line,
  isReadOnly,
  onClose,
  onSave,
}: {
  line: EnergyLineInput;
  isReadOnly: boolean;
  onClose: () => void;
  onSave: (split: EnergyLineInput['split']) => void;
}) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<Partial<Record<EnergyUseCategory, number>>>(
    line.split?.basis === 'share' ? line.split.parts : {},
  );
  const sum = Object.values(parts).reduce((total, value) => total + (value ?? 0), 0);
  return (
    <Modal opened onClose={onClose} title={t('analyses.energy.splitTitle')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('analyses.energy.splitHelp')}</Text>
        {energyUseGroups.map((group) => (
          <fieldset key={group} style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm" mb={4}>
              {t(`analyses.energy.groups.${group}`)}
            </Text>
            <Group gap="sm" wrap="wrap">
              {(Object.keys(energyUseCategoryGroups) as EnergyUseCategory[])
                .filter((category) => energyUseCategoryGroups[category] === group)
                .map((category) => (
                  <NumberInput
                    key={category}
                    label={t(`analyses.energy.categories.${category}`)}
                    suffix=" %"
                    min={0}
                    max={100}
                    decimalSeparator=","
                    value={parts[category] ?? ''}
                    disabled={isReadOnly}
                    onChange={(value) => {
                      const next = { ...parts };
                      if (value === '' || Number(value) === 0) delete next[category];
                      else next[category] = Number(value);
                      setParts(next);
                    }}
                    w={160}
                  />
                ))}
            </Group>
          </fieldset>
        ))}
        <Text fw={600} c={Math.abs(sum - 100) < 1e-9 || sum === 0 ? undefined : 'red.8'} aria-live="polite">
          {t('analyses.energy.splitSum', { sum: formatNumber(sum) })}
        </Text>
        {isReadOnly ? null : (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onSave(null)}>
              {t('analyses.energy.clearSplit')}
            </Button>
            <Button onClick={() => onSave(sum === 0 ? null : { basis: 'share', parts })}>{t('common.save')}</Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
