import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export type SortOrder = 'asc' | 'desc';

type SortableHeaderProps = {
  children: ReactNode;
  /** The order when the list is sorted by this column, otherwise null. */
  sorted: SortOrder | null;
  onSort: () => void;
};

/** A column header that sorts the list; its state is announced with aria-sort (WCAG 1.3.1). */
export function SortableHeader({ children, sorted, onSort }: SortableHeaderProps) {
  const SortIcon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={onSort} fw={700} fz="sm" style={{ borderRadius: 'var(--mantine-radius-xs)' }}>
        <Group gap={4} wrap="nowrap">
          {children}
          <SortIcon
            size={14}
            aria-hidden
            color={sorted ? 'var(--mantine-color-brand-7)' : 'var(--mantine-color-gray-6)'}
          />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
