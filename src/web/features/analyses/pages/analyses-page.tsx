import { Anchor, Button, Card, Center, Loader, Menu, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { analysisKinds } from '../../../../core/analyses';
import { ErrorAlert } from '../../../components/error-alert';
import { formatEnergy, formatIsoDate, formatSek, formatCo2eKg } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useCompanyAnalyses } from '../../../components/company-analyses-and-actions';

/** A company's analyses: energy mappings and the three structured kinds, and a way to start one. */
export function AnalysesPage() {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const list = useCompanyAnalyses(companyId);

  if (list.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (list.error || !list.data) return <ErrorAlert error={list.error} />;
  const data = list.data;
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${companyId}`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {data.companyName}
      </Anchor>
      <PageHeader
        title={t('analyses.list.title')}
        documentTitle={`${t('analyses.list.title')} – ${data.companyName}`}
        description={t('analyses.list.description')}
        actions={
          data.canCreate ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  rightSection={<IconChevronDown size={16} aria-hidden />}
                >
                  {t('analyses.list.new')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {analysisKinds.map((kind) => (
                  <Menu.Item key={kind} component={Link} to={`/companies/${companyId}/analyses/new/${kind}`}>
                    {t(`analyses.kinds.${kind}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Card withBorder padding="lg">
        <Stack>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analyses.list.analysis')}</Table.Th>
                  <Table.Th>{t('analyses.list.kind')}</Table.Th>
                  <Table.Th>{t('analyses.list.year')}</Table.Th>
                  <Table.Th ta="right">{t('analyses.results.energy')}</Table.Th>
                  <Table.Th ta="right">{t('analyses.results.cost')}</Table.Th>
                  <Table.Th ta="right">{t('analyses.results.co2e')}</Table.Th>
                  <Table.Th ta="right">{t('analyses.list.findings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" c="dark.6">
                        {t('analyses.list.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/analyses/${item.id}`} fw={600}>
                        {item.title}
                      </Anchor>
                      {item.performedOn ? (
                        <Text size="xs" c="dark.6">
                          {t('analyses.list.performedOn', { date: formatIsoDate(item.performedOn) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{t(`analyses.kinds.${item.kind}`)}</Table.Td>
                    <Table.Td>{item.year ?? '–'}</Table.Td>
                    <Table.Td ta="right">{item.energyTotals ? formatEnergy(item.energyTotals.kwh) : '–'}</Table.Td>
                    <Table.Td ta="right">{item.energyTotals ? formatSek(item.energyTotals.costSek) : '–'}</Table.Td>
                    <Table.Td ta="right">{item.energyTotals ? formatCo2eKg(item.energyTotals.co2eKg) : '–'}</Table.Td>
                    <Table.Td ta="right">
                      {t('analyses.list.findingCount', { count: item.findingCount, converted: item.convertedCount })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Card>
    </>
  );
}
