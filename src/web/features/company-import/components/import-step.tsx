import { Paper, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

type ImportStepProps = {
  /** The heading's id, which names the section for a screen reader. */
  id: string;
  title: string;
  titleGap: MantineSpacing | number;
  children: ReactNode;
};

/** One step of the import: a bordered section named by its heading, as every step is drawn. */
export function ImportStep({ id, title, titleGap, children }: ImportStepProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} id={id} fz="h3" mb={titleGap}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
