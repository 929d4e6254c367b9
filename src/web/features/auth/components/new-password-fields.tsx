import { Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../contracts/common';
import { PasswordField } from './password-field';

type NewPasswordValues = { password: string; confirmPassword: string };

type NewPasswordFieldsProps<T extends NewPasswordValues> = {
  form: UseFormReturnType<T>;
};

/** A new password and its repetition; the rules shown are the contract's (length only, ASVS). */
export function NewPasswordFields<T extends NewPasswordValues>({ form }: NewPasswordFieldsProps<T>) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordField
        label={t('auth.fields.newPassword')}
        description={t('auth.fields.newPasswordHint', { count: limits.passwordMin })}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <PasswordField
        label={t('auth.fields.confirmPassword')}
        autoComplete="new-password"
        required
        {...form.getInputProps('confirmPassword')}
      />
    </Stack>
  );
}
