import { Table, Text } from '@mantine/core';

type EmptyRowProps = { colSpan: number; text: string };

/** The one row of a table that has nothing to show. */
export function EmptyRow({ colSpan, text }: EmptyRowProps) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="gray.7" ta="center" py="lg">
          {text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
