import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

type Props = {
  data: { month: string; cumulative: number }[];
  target: number;
  label: string;
  targetLabel: string;
};

// Theme colours as CSS variables, so the chart follows the theme as the rest of the page does.
const line = 'var(--mantine-color-brand-6)';
const target = 'var(--mantine-color-teal-8)';
const grid = 'var(--mantine-color-gray-3)';
const tick = { fontSize: 12, fill: 'var(--mantine-color-dark-6)' };

/**
 * The cumulative line of companies taken up by month, with the target as a reference line.
 * recharts' own parts rather than @mantine/charts' LineChart, whose legend, tooltip and series
 * handling took this chunk over the route budget (docs/quality.md P3); loaded lazily beside the table
 * of the same figures, which is what a screen reader reads.
 */
export function ProgressLineChart({ data, target: goal, label, targetLabel }: Props) {
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height: 220 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={tick} tickLine={false} minTickGap={16} />
          <YAxis
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={40}
            allowDecimals={false}
            domain={[0, Math.max(goal, ...data.map((d) => d.cumulative))]}
          />
          <ReferenceLine
            y={goal}
            stroke={target}
            strokeDasharray="6 4"
            label={{ value: targetLabel, position: 'insideTopLeft', fill: target, fontSize: 12 }}
          />
          <Line
            type="linear"
            dataKey="cumulative"
            stroke={line}
            strokeWidth={2}
            dot={data.length <= 24}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
