import { Alert, Box, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// What the public forms share (decisions 045, 046): the thanks that takes the form's place, and
// the hidden field for bots.

/**
 * The thanks that takes the place of a sent form and its button. Focused as it appears, so a
 * screen reader reads it (a live region added with its text in it is often not announced) and
 * focus does not fall back to the page's top (WCAG 2.4.3).
 */
export function FormThanks({ title, text }: { title: string; text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="status"
      color="teal"
      variant="light"
      icon={<IconMailCheck size={20} aria-hidden />}
      title={title}
    >
      {text}
    </Alert>
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
