import { Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../contracts/activities';
import { participantGenders } from '../../../../core/activities';
import { EmptyRow } from '../../../components/empty-row';
import { formatNumber } from '../../../components/format';

type Counts = NonNullable<Activity['counts']>;

/** Participants by gender and by company, as funders count them: places held and attendance. */
export function CountsSection({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const byGender = participantGenders.map(
    (gender) => counts.byGender.find((row) => row.gender === gender) ?? { gender, registered: 0, attended: 0 },
  );
  const total = byGender.reduce(
    (sum, row) => ({ registered: sum.registered + row.registered, attended: sum.attended + row.attended }),
    {
      registered: 0,
      attended: 0,
    },
  );
  const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="counts-title">
      <Stack gap="md">
        <Title order={2} id="counts-title" fz="h3">
          {t('activities.counts.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Table verticalSpacing="xs">
            <Table.Caption>{t('activities.counts.byGender')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('activities.counts.gender')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('activities.counts.registered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('activities.counts.attended')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {byGender.map((row) => (
                <Table.Tr key={row.gender}>
                  <Table.Th scope="row" fw={400}>
                    {t(`activities.gender.${row.gender}`)}
                  </Table.Th>
                  <Table.Td {...num}>{formatNumber(row.registered)}</Table.Td>
                  <Table.Td {...num}>{formatNumber(row.attended)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Th scope="row">{t('activities.counts.total')}</Table.Th>
                <Table.Td {...num}>{formatNumber(total.registered)}</Table.Td>
                <Table.Td {...num}>{formatNumber(total.attended)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('activities.counts.byCompany')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('activities.registrations.company')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('activities.counts.registered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('activities.counts.attended')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.byCompany.map((row) => (
                <Table.Tr key={row.companyId}>
                  <Table.Th scope="row" fw={400}>
                    {row.companyName}
                  </Table.Th>
                  <Table.Td {...num}>{formatNumber(row.registered)}</Table.Td>
                  <Table.Td {...num}>{formatNumber(row.attended)}</Table.Td>
                </Table.Tr>
              ))}
              {counts.byCompany.length === 0 ? <EmptyRow colSpan={3} text={t('activities.counts.none')} /> : null}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
