import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnergyUseCategory } from '../../../../core/energy';
import type { EnergyMappingInput } from '../../../../contracts/energy-mappings';
import { formatNumber, formatSek } from '../../../components/format';

/** The mapping's lines as text, for those who read it (the company's own users). */
export function EnergyReadOnlyLines({
  mapping,
  carrierName,
}: {
  mapping: EnergyMappingInput;
  carrierName: (key: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('analyses.energy.carrier')}</Table.Th>
            <Table.Th ta="right">{t('analyses.energy.quantity')}</Table.Th>
            <Table.Th ta="right">{t('analyses.energy.cost')}</Table.Th>
            <Table.Th ta="right">{t('analyses.energy.ownFactor')}</Table.Th>
            <Table.Th>{t('analyses.energy.split')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mapping.lines.map((line, index) => (
            <Table.Tr key={index}>
              <Table.Td>{carrierName(line.carrier)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(line.quantity)}{' '}
                {t(`analyses.energy.units.${line.unit}` as 'analyses.energy.units.kWh', { defaultValue: line.unit })}
              </Table.Td>
              <Table.Td ta="right">{line.costSek === null ? '–' : formatSek(line.costSek)}</Table.Td>
              <Table.Td ta="right">
                {line.emissionFactorKgPerKwh === null || line.emissionFactorKgPerKwh === undefined
                  ? t('analyses.energy.fromSet')
                  : formatNumber(line.emissionFactorKgPerKwh)}
              </Table.Td>
              <Table.Td>
                {line.split
                  ? Object.entries(line.split.parts)
                      .map(
                        ([category, share]) =>
                          `${t(`analyses.energy.categories.${category as EnergyUseCategory}`)} ${formatNumber(share ?? 0)} %`,
                      )
                      .join(', ')
                  : t('analyses.energy.notSplitText')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
