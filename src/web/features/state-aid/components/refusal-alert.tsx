import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { grantRefusalReasons, type GrantRefusalReason } from '../../../../contracts/state-aid';
import { ApiRequestError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { formatIsoDate } from '../../../components/format';
import { formatCents } from '../money';

type Figures = {
  reason?: string;
  months?: string[] | number;
  organisationName?: string;
  year?: number;
  declarationValidMonths?: number;
  ceiling?: {
    windowFrom: string;
    windowTo: string;
    earlierCents: number;
    grantCents: number;
    totalCents: number;
    ceilingCents: number;
    laterBreach: { totalCents: number } | null;
  };
};

/** A refused grant in words, with its figures (decision 032: `details.stateAid`); other errors as usual. */
export function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const figures = (error instanceof ApiRequestError ? error.details?.stateAid : undefined) as Figures | undefined;
  if (!figures?.reason) return <ErrorAlert error={error} />;
  const reason = (grantRefusalReasons as readonly string[]).includes(figures.reason)
    ? (figures.reason as GrantRefusalReason)
    : null;
  let text: string;
  switch (reason) {
    case 'ceiling_exceeded': {
      const c = figures.ceiling!;
      text = t('stateAid.refusals.ceiling_exceeded', {
        total: formatCents(c.laterBreach?.totalCents ?? c.totalCents),
        ceiling: formatCents(c.ceilingCents),
        from: formatIsoDate(c.windowFrom),
        to: formatIsoDate(c.windowTo),
        earlier: formatCents(c.earlierCents),
        grant: formatCents(c.grantCents),
      });
      break;
    }
    case 'eur_rate_missing':
      text = t('stateAid.refusals.eur_rate_missing', {
        months: Array.isArray(figures.months) ? figures.months.join(', ') : '',
      });
      break;
    case 'hourly_rate_missing':
      text = t('stateAid.refusals.hourly_rate_missing', {
        organisationName: figures.organisationName ?? '',
        year: figures.year ?? '',
      });
      break;
    case 'declaration_expired':
      text = t('stateAid.refusals.declaration_expired', { months: figures.declarationValidMonths ?? '' });
      break;
    case 'declaration_none':
    case 'declaration_awaiting_confirmation':
    case 'declaration_signed_later':
    case 'replaced_already':
      text = t(`stateAid.refusals.${reason}`);
      break;
    default:
      text = t('stateAid.refusals.other');
  }
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />}>
      {text}
    </Alert>
  );
}
