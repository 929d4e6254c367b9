import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type PlacesTextProps = { capacity: number | null; registeredCount: number; waitlistedCount: number };

/** "3 av 3 platser · 1 på reservlistan", or the count without a limit. */
export function PlacesText({ capacity, registeredCount, waitlistedCount }: PlacesTextProps) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {capacity === null
        ? t('activities.places.unlimited', { count: registeredCount })
        : t('activities.places.limited', { count: registeredCount, capacity })}
      {waitlistedCount > 0 ? (
        <Text span size="sm" c="dark.4">
          {' · '}
          {t('activities.places.waiting', { count: waitlistedCount })}
        </Text>
      ) : null}
    </Text>
  );
}
