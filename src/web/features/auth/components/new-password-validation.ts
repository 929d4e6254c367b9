import type { TFunction } from 'i18next';
import { z } from 'zod';
import { passwordSchema } from '../../../../contracts/common';
import { zodValidate } from '../../../components/form-validation';

const newPasswordSchema = z.object({ password: passwordSchema });

/** Validates a new password with the contract's rules and checks that the repetition matches. */
export function validateNewPassword<T extends { password: string; confirmPassword: string }>(t: TFunction) {
  const validatePassword = zodValidate<T>(newPasswordSchema, t);
  return (values: T): Record<string, string> => {
    const errors = validatePassword(values);
    if (!errors.password && values.confirmPassword !== values.password) {
      errors.confirmPassword = t('validation.passwordsDiffer');
    }
    return errors;
  };
}
