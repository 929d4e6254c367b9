import { RadarChart } from '@mantine/charts';

type Props = {
  data: Record<string, string | number>[];
  series: { name: string; label: string; color: string; opacity: number }[];
  label: string;
};

/** The radar of one area's dimensions: latest, baseline and peer median (0–100). */
export function AreaRadar({ data, series, label }: Props) {
  return (
    <RadarChart
      h={280}
      data={data}
      dataKey="dimension"
      series={series}
      withLegend
      withTooltip
      radarChartProps={{ outerRadius: '60%', margin: { top: 8, bottom: 8, left: 36, right: 36 } }}
      polarAngleAxisProps={{ tick: { fontSize: 11 } }}
      withPolarRadiusAxis
      polarRadiusAxisProps={{ domain: [0, 100], tick: false, axisLine: false }}
      aria-label={label}
    />
  );
}
