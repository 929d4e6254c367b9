import { Alert } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';

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
