import { Box, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { FigureLink } from './figure-link';

export type BarRow = { key: string; label: ReactNode; value: number; text: string; to?: string };

type Props = {
  caption: string;
  /** The column headings: what a row is, and what its figure is. */
  columns: [string, string];
  rows: BarRow[];
  /** The value the longest bar stands for; the largest row's by default. */
  max?: number;
};

/**
 * Figures compared as horizontal bars in a table: the name, a bar and the figure (a link to the
 * records behind it). Plain boxes rather than the chart library, which stays out of this page's
 * first load (docs/quality.md P3); the figure is written beside its bar, so nothing rests on colour or length.
 */
export function BarTable({ caption, columns, rows, max }: Props) {
  const longest = Math.max(1, max ?? 0, ...rows.map((row) => row.value));
  return (
    <Table verticalSpacing={6} horizontalSpacing="xs" layout="fixed">
      <Table.Caption className="visually-hidden">{caption}</Table.Caption>
      <Table.Thead className="visually-hidden">
        <Table.Tr>
          <Table.Th scope="col">{columns[0]}</Table.Th>
          <Table.Th scope="col">{columns[1]}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={500} fz="sm" w="45%" style={{ overflowWrap: 'anywhere' }}>
              {row.label}
            </Table.Th>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Box
                  h={12}
                  w={`${Math.max(0, (row.value / longest) * 70)}%`}
                  miw={row.value > 0 ? 3 : 0}
                  bg="brand.6"
                  style={{ borderRadius: 3, flexShrink: 0 }}
                  aria-hidden
                />
                {row.to ? (
                  <FigureLink to={row.to} size="sm">
                    {row.text}
                  </FigureLink>
                ) : (
                  <Box component="span" fz="sm" fw={700}>
                    {row.text}
                  </Box>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
