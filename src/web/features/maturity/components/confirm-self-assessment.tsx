import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Assessment } from '../../../../contracts/maturity';
import { ErrorAlert } from '../../../components/error-alert';
import { useStartAssessment } from '../api';

/** Starts the coach's measurement that confirms a company's self-assessment, its answers filled in. */
export function ConfirmSelfAssessment({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = useStartAssessment(assessment.companyId);
  return (
    <>
      <Button
        variant="light"
        loading={confirm.isPending}
        onClick={() =>
          confirm.mutate(
            { area: assessment.area, confirmsAssessmentId: assessment.id },
            { onSuccess: (created) => void navigate(`/assessments/${created.id}`) },
          )
        }
      >
        {t('maturity.form.confirmSelf')}
      </Button>
      <Text size="xs" c="dark.4">
        {t('maturity.form.confirmSelfHelp')}
      </Text>
      {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
    </>
  );
}
