import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../../contracts/action-plans';
import { errorMessage } from '../../../components/error-message';
import { useConfirmRealised } from '../api';
import { effectParts } from './effects';

/** An action's realised figures: "not confirmed" until a coach confirms them, and the coach's button
 * to do so (decision 025); confirmed figures are what the totals and the funder reports count. */
export function RealisedLine({ action }: { action: Action }) {
  const { t } = useTranslation();
  const confirm = useConfirmRealised();
  const parts = effectParts(t, action.realised);
  if (parts.length === 0) return null;
  async function handleConfirm() {
    try {
      await confirm.mutateAsync({ id: action.id, version: action.version });
      notifications.show({ color: 'teal', message: t('actionPlans.confirm.done') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  }
  return (
    <>
      <Text size="xs" c="dark.6">
        {t('effects.realisedValue', { value: parts.join(', ') })}
      </Text>
      {action.realisedConfirmation ? null : (
        <Group gap={6} mt={2}>
          <Badge size="sm" color="orange" variant="light">
            {t('actionPlans.confirm.notConfirmed')}
          </Badge>
          {action.abilities.canConfirmRealised ? (
            <Button
              size="compact-xs"
              variant="light"
              loading={confirm.isPending}
              onClick={() => void handleConfirm()}
              aria-label={t('actionPlans.confirm.buttonNamed', { title: action.title })}
            >
              {t('actionPlans.confirm.button')}
            </Button>
          ) : null}
        </Group>
      )}
    </>
  );
}
