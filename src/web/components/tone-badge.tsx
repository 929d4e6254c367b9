import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

// Light backgrounds with dark text of the same hue: every pair has at least 4.5:1 contrast (teal
// and red write in their light text colour, darker than shade 9: app/theme.ts).
const tones: Record<Tone, { color: string; text: string }> = {
  success: { color: 'teal', text: 'var(--mantine-color-teal-light-color)' },
  warning: { color: 'yellow', text: 'dark.7' },
  danger: { color: 'red', text: 'var(--mantine-color-red-light-color)' },
  neutral: { color: 'gray', text: 'dark.6' },
  info: { color: 'brand', text: 'brand.9' },
};

/** A status shown as a small label, with its meaning in the text (never by colour alone). */
export function ToneBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  const { color, text } = tones[tone];
  return (
    <Badge color={color} c={text} variant="light" radius="sm" tt="none" fw={600} size="md" miw="max-content">
      {children}
    </Badge>
  );
}
