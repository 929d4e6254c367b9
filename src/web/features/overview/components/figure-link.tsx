import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type Props = {
  to: string;
  children: ReactNode;
  /** What the number counts, when the text around it does not say: read out with the number. */
  label?: string;
  size?: string;
  fw?: number;
};

/** A figure of the dashboard as a link to the records behind it (issue 12: every number links). */
export function FigureLink({ to, children, label, size, fw = 700 }: Props) {
  return (
    <Anchor
      component={Link}
      to={to}
      fw={fw}
      {...(size && { fz: size })}
      {...(label && { 'aria-label': label })}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {children}
    </Anchor>
  );
}
