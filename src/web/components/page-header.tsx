import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title';

type PageHeaderProps = {
  title: string;
  /** The browser tab's title when it should differ from the heading (e.g. a greeting). */
  documentTitle?: string;
  description?: string;
  /** Facts shown under the heading, e.g. a company's number and status. */
  meta?: ReactNode;
  actions?: ReactNode;
};

/** The heading of a page; it also names the browser tab. */
export function PageHeader({ title, documentTitle, description, meta, actions }: PageHeaderProps) {
  usePageTitle(documentTitle ?? title);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
      {/* min-width 0: a flex item may then shrink below its longest word, which breaks instead. */}
      <Stack gap={4} miw={0} maw="100%">
        <Title order={1} fz={{ base: 26, sm: 30 }} c="brand.9">
          {title}
        </Title>
        {description ? (
          <Text c="gray.7" maw={720}>
            {description}
          </Text>
        ) : null}
        {meta}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
