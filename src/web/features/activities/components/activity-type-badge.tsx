import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../../core/activities';
import { ToneBadge } from '../../../components/tone-badge';

/** The kind of activity as a small label. */
export function ActivityTypeBadge({ type }: { type: ActivityType }) {
  const { t } = useTranslation();
  return <ToneBadge tone="info">{t(`activities.type.${type}`)}</ToneBadge>;
}
