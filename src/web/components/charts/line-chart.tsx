import { useElementSize } from '@mantine/hooks';
import { ticks } from 'd3-array';
import { line } from 'd3-shape';
import { formatNumber } from '../format';
import { chartColour, chartGridColour, chartTextColour } from './chart-colour';

type Props = {
  /** The points in order, each with the label its x axis shows. */
  points: { label: string; value: number }[];
  /** A level to reach, drawn as a dashed line with its label. */
  reference?: { value: number; label: string };
  /** What the chart shows, for a screen reader (the figures are in a table beside it). */
  label: string;
  height?: number;
  colour?: string;
  referenceColour?: string;
};

const margin = { top: 16, right: 16, bottom: 24, left: 40 };
/** The least room between two labels of the x axis: fewer labels rather than overlapping ones. */
const xLabelSpacing = 64;

/**
 * A line of values over labelled points, from zero up, with an optional reference level. Drawn in SVG
 * at the width of its container; the box keeps its height while it is measured, so nothing shifts.
 */
export function LineChart({
  points,
  reference,
  label,
  height = 220,
  colour = 'brand.6',
  referenceColour = 'teal.8',
}: Props) {
  const { ref, width } = useElementSize<HTMLDivElement>();
  const top = Math.max(reference?.value ?? 0, ...points.map((p) => p.value), 1);
  const yTicks = ticks(0, top, 4).filter(Number.isInteger);
  const yMax = Math.max(top, yTicks.at(-1) ?? top);
  const plotWidth = Math.max(width - margin.left - margin.right, 0);
  const plotHeight = height - margin.top - margin.bottom;
  const x = (index: number) =>
    margin.left + (points.length < 2 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => margin.top + plotHeight - (value / yMax) * plotHeight;
  const path = line<{ value: number }>()
    .x((_, index) => x(index))
    .y((p) => y(p.value))(points);
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotWidth / xLabelSpacing))));
  const showDots = points.length <= 24;
  return (
    <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }}>
      {width > 0 ? (
        <svg width={width} height={height} aria-hidden focusable="false" style={{ display: 'block' }}>
          <g fontSize={12} fill={chartTextColour}>
            {yTicks.map((tick) => (
              <g key={tick}>
                <line
                  x1={margin.left}
                  x2={margin.left + plotWidth}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke={chartGridColour}
                  strokeDasharray="3 3"
                />
                <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                  {formatNumber(tick)}
                </text>
              </g>
            ))}
            {points.map((point, index) =>
              index % every === 0 ? (
                <text
                  key={point.label}
                  x={x(index)}
                  y={height - 6}
                  textAnchor={index === points.length - 1 && points.length > 1 ? 'end' : 'middle'}
                >
                  {point.label}
                </text>
              ) : null,
            )}
          </g>
          {reference ? (
            <g>
              <line
                x1={margin.left}
                x2={margin.left + plotWidth}
                y1={y(reference.value)}
                y2={y(reference.value)}
                stroke={chartColour(referenceColour)}
                strokeDasharray="6 4"
              />
              <text x={margin.left + 4} y={y(reference.value) + 14} fontSize={12} fill={chartColour(referenceColour)}>
                {reference.label}
              </text>
            </g>
          ) : null}
          {path ? <path d={path} fill="none" stroke={chartColour(colour)} strokeWidth={2} /> : null}
          {showDots
            ? points.map((point, index) => (
                <circle
                  key={point.label}
                  cx={x(index)}
                  cy={y(point.value)}
                  r={3}
                  fill="var(--mantine-color-white)"
                  stroke={chartColour(colour)}
                  strokeWidth={2}
                >
                  <title>{`${point.label}: ${formatNumber(point.value)}`}</title>
                </circle>
              ))
            : null}
        </svg>
      ) : null}
    </div>
  );
}
