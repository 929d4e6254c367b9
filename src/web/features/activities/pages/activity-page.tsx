import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFallback } from '../../../components/query-fallback';
import { formatPeriod, formatSek } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useActivity } from '../api';
import { ActivityFormModal } from '../components/activity-form-modal';
import { ActivityTypeBadge } from '../components/activity-type-badge';
import { CapacityBar } from '../components/capacity-bar';
import { CountsSection } from '../components/counts-section';
import { RegisterPanel } from '../components/register-panel';
import { RegistrationsSection } from '../components/registrations-section';

/** One activity: its facts, how full it is, who is registered, attendance and the counts. */
export function ActivityPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { activityId = '' } = useParams();
  const activity = useActivity(activityId);
  const [isEditing, setEditing] = useState(false);
  // Read once per render: the page shows whether the activity has started or ended.
  const [now] = useState(() => Date.now());

  if (activity.isPending || activity.error || !activity.data) {
    return (
      <QueryFallback
        query={activity}
        notFound={{
          title: t('activities.notFound.title'),
          text: t('activities.notFound.text'),
          linkLabel: t('activities.backToList'),
          linkTo: '/activities',
        }}
      />
    );
  }

  const data = activity.data;
  const hasStarted = new Date(data.startsAt).getTime() <= now;
  const hasEnded = new Date(data.endsAt).getTime() <= now;
  const fact = (label: string, value: ReactNode) => (
    <div>
      <Text size="sm" c="dark.4">
        {label}
      </Text>
      <Text component="div">{value}</Text>
    </div>
  );

  return (
    <>
      <Anchor component={Link} to="/activities" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {t('activities.backToList')}
      </Anchor>
      <PageHeader
        title={data.title}
        meta={
          <Group gap="sm">
            <ActivityTypeBadge type={data.type} />
            {data.isPublic ? (
              <Badge variant="outline" color="brand">
                {t('activities.publicBadge')}
              </Badge>
            ) : null}
            <Text size="sm" c="dark.6">
              {formatPeriod(data.startsAt, data.endsAt)}
            </Text>
          </Group>
        }
        actions={
          data.abilities.canEdit ? (
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('activities.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" component="section" aria-labelledby="facts-title">
              <Stack gap="md">
                <Title order={2} id="facts-title" fz="h3">
                  {t('activities.facts.title')}
                </Title>
                <Group gap="xl" align="flex-start" wrap="wrap">
                  {fact(t('activities.facts.organisers'), data.organisers.map((o) => o.name).join(', '))}
                  {fact(t('activities.facts.place'), data.place ?? '–')}
                  {data.onlineUrl
                    ? fact(
                        t('activities.facts.onlineUrl'),
                        <Anchor href={data.onlineUrl} target="_blank" rel="noreferrer">
                          {data.onlineUrl}
                        </Anchor>,
                      )
                    : null}
                  {fact(
                    t('activities.facts.areas'),
                    data.areas.length ? data.areas.map((a) => t(`areas.${a}`)).join(', ') : '–',
                  )}
                  {fact(t('activities.facts.cost'), formatSek(data.costPerParticipantSek))}
                </Group>
                {data.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Text> : null}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" component="section" aria-labelledby="places-title">
              <Stack gap="sm">
                <Title order={2} id="places-title" fz="h3">
                  {t('activities.places.title')}
                </Title>
                <CapacityBar activity={data} />
                {hasEnded ? (
                  <Text size="sm" c="dark.4">
                    {t('activities.facts.ended')}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
        {/* A company user signs up before it ends; staff also record afterwards. */}
        {!hasEnded || me.companyId === null ? <RegisterPanel activity={data} ownCompanyId={me.companyId} /> : null}
        <RegistrationsSection activity={data} hasStarted={hasStarted} />
        {data.counts ? <CountsSection counts={data.counts} /> : null}
      </Stack>
      {isEditing ? <ActivityFormModal activity={data} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
