import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { totpCodeSchema } from '../../../../contracts/auth';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { CodeField } from './code-field';
import { PasswordField } from './password-field';

export type CodeOrPassword = { code: string } | { password: string };

type ConfirmWithCodeFormProps = {
  intro: string;
  submitLabel: string;
  /** Offers the password as the other way to confirm (turning two-step verification off). */
  allowsPassword?: boolean;
  isPending: boolean;
  error: unknown;
  onSubmit: (proof: CodeOrPassword) => Promise<unknown>;
  onCancel: () => void;
};

/** Confirms a change to two-step verification with a code from the app (or the password). */
export function ConfirmWithCodeForm(props: ConfirmWithCodeFormProps) {
  const { t } = useTranslation();
  const [usesPassword, setUsesPassword] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);

  function showFieldError(message: string) {
    setFieldError(message);
    inputRef.current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (usesPassword ? value === '' : !totpCodeSchema.safeParse(value).success) {
      showFieldError(usesPassword ? t('validation.required') : t('auth.secondFactor.wrongCode'));
      return;
    }
    try {
      await props.onSubmit(usesPassword ? { password: value } : { code: value });
    } catch (error) {
      if (isApiError(error, 'invalid_input')) {
        showFieldError(usesPassword ? t('auth.secondFactor.wrongPassword') : t('auth.secondFactor.wrongCode'));
      }
    }
  }

  const otherError = props.error && !isApiError(props.error, 'invalid_input') ? props.error : null;
  const inputProps = {
    ref: inputRef,
    value,
    error: fieldError,
    autoFocus: true,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      setValue(event.currentTarget.value);
      setFieldError(undefined);
    },
  };
  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)}>
      <Stack gap="md" maw={420}>
        <Text>{props.intro}</Text>
        {otherError ? <ErrorAlert error={otherError} /> : null}
        {usesPassword ? (
          <PasswordField label={t('auth.fields.password')} autoComplete="current-password" required {...inputProps} />
        ) : (
          <CodeField label={t('auth.secondFactor.code')} {...inputProps} />
        )}
        {props.allowsPassword ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => {
              setUsesPassword((current) => !current);
              setValue('');
              setFieldError(undefined);
            }}
          >
            {t(usesPassword ? 'auth.secondFactor.useApp' : 'auth.secondFactor.usePassword')}
          </Anchor>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={props.isPending}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
