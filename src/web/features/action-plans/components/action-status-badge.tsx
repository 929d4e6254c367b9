import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../../../core/action-status';
import { ToneBadge, type Tone } from '../../../components/tone-badge';

const tones: Record<ActionStatus, Tone> = {
  planned: 'neutral',
  in_progress: 'info',
  done: 'success',
  cancelled: 'warning',
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={tones[status]}>{t(`actionPlans.statuses.${status}`)}</ToneBadge>;
}
