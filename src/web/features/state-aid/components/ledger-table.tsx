import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../../../../contracts/state-aid';
import { formatIsoDate } from '../../../components/format';
import { formatCents, formatOre } from '../money';

/** Every aid in date order with the rolling three-year sum and the room left (issue 13, ledger). */
export function LedgerTable({ entries, showCompany }: { entries: LedgerEntry[]; showCompany: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Text c="dark.4">{t('stateAid.ledger.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stateAid.ledger.date')}</Table.Th>
            <Table.Th>{t('stateAid.ledger.kind')}</Table.Th>
            {showCompany ? <Table.Th>{t('stateAid.ledger.company')}</Table.Th> : null}
            <Table.Th>{t('stateAid.ledger.grantingBody')}</Table.Th>
            <Table.Th ta="right">{t('stateAid.ledger.amountSek')}</Table.Th>
            <Table.Th ta="right">{t('stateAid.ledger.amountEur')}</Table.Th>
            <Table.Th ta="right">{t('stateAid.ledger.rolling')}</Table.Th>
            <Table.Th ta="right">{t('stateAid.ledger.room')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} c={entry.isCounted ? undefined : 'dark.4'}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(entry.grantedOn)}</Table.Td>
              <Table.Td>
                {t(`stateAid.ledger.kinds.${entry.kind}`)}
                {entry.isCounted ? null : (
                  <Badge ml="xs" size="xs" variant="light" color="gray">
                    {t('stateAid.ledger.notCounted')}
                  </Badge>
                )}
              </Table.Td>
              {showCompany ? <Table.Td>{entry.companyName}</Table.Td> : null}
              <Table.Td>{entry.grantingBody}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatOre(entry.amountOre)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {entry.amountCents === null ? t('stateAid.ledger.rateMissing') : formatCents(entry.amountCents)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {entry.rollingCents === null ? '–' : formatCents(entry.rollingCents)}
              </Table.Td>
              <Table.Td
                ta="right"
                style={{ whiteSpace: 'nowrap' }}
                c={(entry.roomCents ?? 0) < 0 ? 'red.8' : undefined}
              >
                {entry.roomCents === null ? '–' : formatCents(entry.roomCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
