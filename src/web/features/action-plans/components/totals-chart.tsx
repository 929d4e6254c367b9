import { Box, Group, Stack, Text } from '@mantine/core';

type Props = {
  data: { organisation: string; expected: number; realised: number }[];
  labels: { expected: string; realised: string };
  format: (value: number) => string;
  label: string;
};

/**
 * Expected and realised figures per organisation as paired horizontal bars. Plain boxes, not the
 * chart library: its bar chart alone pushed this route over the 350 KiB budget (docs/quality.md P3).
 * The figures are written beside the bars and in the table below, so nothing rests on colour.
 */
export function TotalsChart({ data, labels, format, label }: Props) {
  const max = Math.max(1, ...data.flatMap((row) => [row.expected, row.realised]));
  const bar = (value: number, color: string, name: string) => (
    <Group gap="xs" wrap="nowrap">
      <Box
        h={14}
        w={`${Math.max(0, (value / max) * 70)}%`}
        miw={value > 0 ? 2 : 0}
        bg={color}
        style={{ borderRadius: 3 }}
        aria-hidden
      />
      <Text size="xs" c="dark.7">
        {name}: {format(value)}
      </Text>
    </Group>
  );
  return (
    <Stack gap="sm" role="group" aria-label={label}>
      {data.map((row) => (
        <div key={row.organisation}>
          <Text size="sm" fw={600}>
            {row.organisation}
          </Text>
          {bar(row.expected, 'brand.6', labels.expected)}
          {bar(row.realised, 'teal.7', labels.realised)}
        </div>
      ))}
    </Stack>
  );
}
