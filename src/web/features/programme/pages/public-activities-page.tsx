import { Badge, Button, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../contracts/public-activities';
import { ErrorAlert } from '../../../components/error-alert';
import { formatPeriod } from '../../../components/format';
import { usePageTitle } from '../../../components/use-page-title';
import { usePublicActivities } from '../api';
import { PublicShell } from '../components/public-shell';
import { SignUpForm } from '../components/sign-up-form';

function PlacesLeft({ placesLeft }: { placesLeft: number | null }) {
  const { t } = useTranslation();
  if (placesLeft === null) return <Text size="sm">{t('programme.activities.noLimit')}</Text>;
  if (placesLeft === 0) return <Text size="sm">{t('programme.activities.full')}</Text>;
  return <Text size="sm">{t('programme.activities.placesLeft', { count: placesLeft })}</Text>;
}

function ActivityCard({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const headingId = `activity-${activity.id}`;
  // The button gives way to the form: focus moves to its first field, not back to the page's top.
  useEffect(() => {
    if (isOpen) document.getElementById(`sign-up-${activity.id}-name`)?.focus();
  }, [isOpen, activity.id]);
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      pos="relative"
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light">{t(`activities.type.${activity.type}`)}</Badge>
          {activity.areas.map((area) => (
            <Badge key={area} variant="outline" color="gray">
              {t(`areas.${area}`)}
            </Badge>
          ))}
        </Group>
        <Title order={2} fz="xl" id={headingId}>
          {activity.title}
        </Title>
        <Text fw={600}>{formatPeriod(activity.startsAt, activity.endsAt)}</Text>
        <Text size="sm">
          {[activity.place, activity.isOnline ? t('programme.activities.online') : null].filter(Boolean).join(' · ')}
        </Text>
        <Text size="sm" c="dark.4">
          {t('programme.activities.organisers', { names: activity.organisers.map((o) => o.name).join(', ') })}
        </Text>
        {activity.description ? <Text style={{ whiteSpace: 'pre-line' }}>{activity.description}</Text> : null}
        <PlacesLeft placesLeft={activity.placesLeft} />
        {isOpen ? (
          <Paper withBorder p="md" radius="md" bg="gray.0">
            <SignUpForm activityId={activity.id} activityTitle={activity.title} />
          </Paper>
        ) : (
          <Button onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} aria-describedby={headingId}>
            {t('programme.activities.signUp')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The public activities (decision 046): what is coming, with a sign-up each, for anyone. */
export function PublicActivitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('programme.activities.title'));
  const list = usePublicActivities();
  return (
    <PublicShell>
      <Container size="md" px="md" py="xl">
        <Stack gap="lg">
          <Title order={1} fz={{ base: 28, sm: 34 }} c="brand.9">
            {t('programme.activities.title')}
          </Title>
          <Text>{t('programme.activities.intro')}</Text>
          {list.error ? <ErrorAlert error={list.error} /> : null}
          {list.isPending ? <Loader aria-label={t('common.loading')} /> : null}
          {list.data && list.data.items.length === 0 ? <Text>{t('programme.activities.empty')}</Text> : null}
          {list.data?.items.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} />
          ))}
        </Stack>
      </Container>
    </PublicShell>
  );
}
