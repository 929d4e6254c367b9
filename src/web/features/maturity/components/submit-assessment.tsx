import { Button, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Step } from '../../../../core/maturity-scoring';
import type { Assessment } from '../../../../contracts/maturity';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { useSubmitAssessment } from '../api';

type SubmitAssessmentProps = { assessment: Assessment; step: Step | null; isComplete: boolean };

/**
 * Submits the measurement once every question is answered, with the date of the next one if the
 * person sets it; it asks first, because a submitted measurement is locked.
 */
export function SubmitAssessment({ assessment, step, isComplete }: SubmitAssessmentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitAssessment(assessment.id, assessment.companyId);
  const [nextDueOn, setNextDueOn] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  return (
    <>
      <TextInput
        type="date"
        label={t('maturity.form.nextDueOn')}
        description={t('maturity.form.nextDueOnHelp')}
        value={nextDueOn}
        onChange={(event) => setNextDueOn(event.currentTarget.value)}
      />
      <Button
        leftSection={<IconCheck size={16} aria-hidden />}
        disabled={!isComplete}
        onClick={() => setConfirming(true)}
      >
        {t('maturity.form.submit')}
      </Button>
      {isComplete ? null : (
        <Text size="xs" c="dark.4">
          {t('maturity.form.submitHelp')}
        </Text>
      )}
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <ConfirmModal
        opened={isConfirming}
        title={t('maturity.form.submitConfirmTitle')}
        text={t('maturity.form.submitConfirmText', { step: step ?? '–' })}
        confirmLabel={t('maturity.form.submit')}
        isPending={submit.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          submit.mutate(
            { version: assessment.version, nextDueOn: nextDueOn || null },
            {
              onSuccess: () => {
                setConfirming(false);
                void navigate(`/companies/${assessment.companyId}/maturity`);
              },
              onError: () => setConfirming(false),
            },
          )
        }
      />
    </>
  );
}
