import { LineChart } from '../../../components/charts/line-chart';

type Props = {
  data: { month: string; cumulative: number }[];
  target: number;
  label: string;
  targetLabel: string;
};

/**
 * The cumulative line of companies taken up by month, with the target as a reference line; the
 * table of the same figures beside it is what a screen reader reads.
 */
export function ProgressLineChart({ data, target, label, targetLabel }: Props) {
  return (
    <LineChart
      points={data.map((point) => ({ label: point.month, value: point.cumulative }))}
      reference={{ value: target, label: targetLabel }}
      label={label}
    />
  );
}
