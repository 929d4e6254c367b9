import { arc, pie } from 'd3-shape';
import { chartColour, chartTextColour } from './chart-colour';

export type DonutSegment = {
  name: string;
  value: number;
  /** A theme colour as Mantine names it, e.g. "teal.7". */
  colour: string;
};

type Props = {
  segments: DonutSegment[];
  /** The text in the hole, e.g. the total. */
  centreLabel: string;
  /** How a segment's value reads when a pointer rests on it. */
  formatValue: (value: number) => string;
  /** The id of the heading that names the chart (the figures are written out beside it). */
  labelledBy: string;
  size?: number;
  thickness?: number;
};

/** A donut of parts of a whole, in the segments' order clockwise from the top. */
export function DonutChart({ segments, centreLabel, formatValue, labelledBy, size = 200, thickness = 34 }: Props) {
  const outer = size / 2;
  const slices = pie<DonutSegment>()
    .value((s) => Math.max(s.value, 0))
    .sort(null)
    .padAngle(segments.length > 1 ? 0.01 : 0)(segments);
  const shape = arc<(typeof slices)[number]>()
    .innerRadius(outer - thickness)
    .outerRadius(outer);
  return (
    <svg
      role="img"
      aria-labelledby={labelledBy}
      width={size}
      height={size}
      viewBox={`${-outer} ${-outer} ${size} ${size}`}
      style={{ display: 'block', flex: 'none' }}
    >
      {slices.map((slice) => (
        <path key={slice.data.name} d={shape(slice) ?? ''} fill={chartColour(slice.data.colour)}>
          <title>{`${slice.data.name}: ${formatValue(slice.data.value)}`}</title>
        </path>
      ))}
      <text textAnchor="middle" dy="0.35em" fontSize={14} fontWeight={700} fill={chartTextColour}>
        {centreLabel}
      </text>
    </svg>
  );
}
