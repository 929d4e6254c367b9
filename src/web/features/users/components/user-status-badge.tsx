import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../../../core/roles';
import { ToneBadge, type Tone } from '../../../components/tone-badge';

const tones: Record<UserStatus, Tone> = { active: 'success', invited: 'warning', deactivated: 'neutral' };

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={tones[status]}>{t(`users.status.${status}`)}</ToneBadge>;
}
