import { Alert, Anchor, Card, Group, Progress, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { IconCoins } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatSek } from '../../../components/format';
import { useCompanyStateAidSummary } from '../api';

const euro = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** The company's state aid in short (issue 13): a new grant needed, the room under the ceiling,
 * granted against realised support, and the way to the state aid page. */
export function StateAidCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const aid = useCompanyStateAidSummary(companyId);
  const data = aid.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-state-aid">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Title order={2} id="company-state-aid">
          {t('companies.stateAid.title')}
        </Title>
        <Anchor
          component={Link}
          to={`/companies/${companyId}/state-aid`}
          display="inline-flex"
          style={{ alignItems: 'center', gap: 6 }}
        >
          <IconCoins size={18} aria-hidden />
          {t('companies.stateAid.open')}
        </Anchor>
      </Group>
      {aid.isPending ? <Skeleton height={72} aria-hidden /> : null}
      {data ? (
        <>
          {data.realised.needsNewGrant ? (
            <Alert color="red" variant="light" role="alert" mb="sm">
              {t('companies.stateAid.needsNewGrant')}
            </Alert>
          ) : null}
          {!data.hasGrant ? (
            <Text size="sm" c="dark.6">
              {t('companies.stateAid.noGrant')}
            </Text>
          ) : null}
          {data.declarationState !== 'valid' ? (
            <Text size="sm" c="dark.6">
              {t('companies.stateAid.declarationMissing')}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <div>
              <Text size="sm" c="dark.5">
                {t('companies.stateAid.granted')}
              </Text>
              <Text fw={700}>{formatSek(Math.round(data.realised.grantedValueOre / 100))}</Text>
            </div>
            <div>
              <Text size="sm" c="dark.5">
                {t('companies.stateAid.realised')}
              </Text>
              <Text fw={700}>{formatSek(Math.round(data.realised.valueOre / 100))}</Text>
            </div>
            <div>
              <Text size="sm" c="dark.5">
                {t('companies.stateAid.room')}
              </Text>
              <Text fw={700}>{euro.format(Math.floor(data.position.roomCents / 100))}</Text>
            </div>
          </SimpleGrid>
          <Progress
            mt="sm"
            value={Math.min(100, data.position.percentOfCeiling)}
            color={data.position.percentOfCeiling >= 80 ? 'yellow' : 'teal'}
            aria-label={t('companies.stateAid.percent', { percent: formatNumber(data.position.percentOfCeiling) })}
          />
        </>
      ) : null}
    </Card>
  );
}
