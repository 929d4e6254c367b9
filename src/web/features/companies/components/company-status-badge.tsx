import { useTranslation } from 'react-i18next';
import type { CompanyStatus } from '../../../../core/company-status';
import { ToneBadge, type Tone } from '../../../components/tone-badge';

const tones: Record<CompanyStatus, Tone> = {
  prospect: 'warning',
  enrolled: 'info',
  active: 'success',
  completed: 'neutral',
  withdrawn: 'danger',
};

/** A company's place in the programme, in words (colour only supports them). */
export function CompanyStatusBadge({ status }: { status: CompanyStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={tones[status]}>{t(`companies.status.${status}`)}</ToneBadge>;
}
