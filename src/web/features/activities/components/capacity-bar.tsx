import { Progress, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivitySummary } from '../../../../contracts/activities';
import { PlacesText } from './places-text';

/** How full the activity is: a bar for a limited capacity, the count alone without a limit. */
export function CapacityBar({ activity }: { activity: ActivitySummary }) {
  const { t } = useTranslation();
  const share = activity.capacity ? Math.min(100, (activity.registeredCount / activity.capacity) * 100) : 0;
  return (
    <Stack gap={6}>
      <PlacesText {...activity} />
      {activity.capacity !== null ? (
        <Progress
          value={share}
          color={share >= 100 ? 'orange.8' : 'teal.7'}
          size="lg"
          radius="sm"
          aria-label={t('activities.places.bar')}
        />
      ) : null}
    </Stack>
  );
}
