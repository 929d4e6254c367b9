import { Box, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { fieldErrorMessage } from '../../../components/error-message';

// What the public forms share (decisions 045, 046): their problems above the fields, the company
// and its organisation number, and the hidden field for bots. The thanks that takes a sent form's
// place is the app's FormThanks.

/** The words for a token the server no longer takes (a page left open overnight): reload. */
export function formTokenProblem(t: TFunction, error: unknown): string | undefined {
  const problem = isApiError(error) ? error.fieldErrors.find((f) => f.field === 'formToken') : undefined;
  return problem && fieldErrorMessage(t, problem);
}

/** The form token that could not be had, or a sending that failed other than on a field. */
export function PublicFormProblems({
  tokenError,
  submitError,
}: {
  tokenError: unknown;
  /** Shown only when no field took the error. */
  submitError: unknown;
}) {
  const { t } = useTranslation();
  return (
    <>
      {tokenError ? <ErrorAlert error={tokenError} /> : null}
      {submitError ? <ErrorAlert error={submitError} message={formTokenProblem(t, submitError)} /> : null}
    </>
  );
}

/** The company's name and organisation number; `id` names the fields where one page has several forms. */
export function CompanyNumberFields({
  companyName,
  organisationNumber,
  id,
}: {
  companyName: GetInputPropsReturnType;
  organisationNumber: GetInputPropsReturnType;
  id?: (name: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id={id?.('company')}
        label={t('programme.form.companyName')}
        autoComplete="organization"
        required
        {...companyName}
      />
      <TextInput
        id={id?.('number')}
        label={t('programme.form.organisationNumber')}
        description={t('programme.form.organisationNumberHint')}
        // The hint under the field keeps it level with the field beside it.
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        inputMode="numeric"
        required
        {...organisationNumber}
      />
    </>
  );
}

/** The honeypot: off screen and out of the tab order; a bot that fills it in is thanked and forgotten. */
export function Honeypot({ id, inputProps }: { id?: string; inputProps: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <Box aria-hidden style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
      <TextInput id={id} label={t('programme.form.website')} tabIndex={-1} autoComplete="off" {...inputProps} />
    </Box>
  );
}
