import { TextInput, type TextInputProps } from '@mantine/core';

type CodeFieldProps = TextInputProps & {
  /** A recovery code (letters and digits) instead of the six digits from the app. */
  isRecoveryCode?: boolean;
};

/**
 * The field for a one-time code: the browser and the phone's keyboard are told what it is
 * (`one-time-code`, digits only), so they can offer the code and a number pad.
 */
export function CodeField({ isRecoveryCode = false, ...props }: CodeFieldProps) {
  return (
    <TextInput
      name="code"
      size="md"
      required
      spellCheck={false}
      autoCapitalize={isRecoveryCode ? 'characters' : 'off'}
      autoComplete={isRecoveryCode ? 'off' : 'one-time-code'}
      inputMode={isRecoveryCode ? 'text' : 'numeric'}
      maxLength={isRecoveryCode ? 40 : 7}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.15em' } }}
      {...props}
    />
  );
}
