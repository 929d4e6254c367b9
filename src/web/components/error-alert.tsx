import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';

type ErrorAlertProps = {
  error: unknown;
  /** A sentence that replaces the general one, e.g. for a failed sign-in. */
  message?: string;
  title?: string;
};

/** An error announced to screen readers (role="alert") and shown in the page. */
export function ErrorAlert({ error, message, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle size={20} aria-hidden />}
      title={title ?? t('errors.title')}
    >
      {message ?? errorMessage(t, error)}
    </Alert>
  );
}
