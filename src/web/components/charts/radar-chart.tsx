import { Group, Text } from '@mantine/core';
import { lineRadial, curveLinearClosed } from 'd3-shape';
import { formatNumber } from '../format';
import { chartColour, chartGridColour, chartTextColour } from './chart-colour';

export type RadarSeries = {
  label: string;
  /** A theme colour as Mantine names it, e.g. "brand.6". */
  colour: string;
  /** How opaque the series' area is (its line is drawn whole). */
  opacity: number;
  /** One value per axis, in the axes' order, on the chart's scale. */
  values: number[];
};

type Props = {
  axes: string[];
  series: RadarSeries[];
  /** The largest value, at the rim (the smallest is 0, at the centre). */
  max: number;
  /** What the chart shows, for a screen reader (the figures are in a table beside it). */
  label: string;
  height?: number;
};

// The drawing's own units; the SVG scales to its container's width and keeps its proportions.
const width = 440;
const labelRoom = 1.14;
const rings = [0.25, 0.5, 0.75, 1];

/** Splits a long axis name into two lines at the space nearest its middle. */
function axisLines(name: string): string[] {
  if (name.length <= 18 || !name.includes(' ')) return [name];
  const middle = name.length / 2;
  let best = -1;
  for (let i = name.indexOf(' '); i !== -1; i = name.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return [name.slice(0, best), name.slice(best + 1)];
}

/**
 * A radar of one or more series over named axes, the first axis at the top and the rest clockwise,
 * with a legend below. Drawn in SVG with d3-shape, which recharts drew it with too, at a tenth of the
 * JavaScript (decision 048).
 */
export function RadarChart({ axes, series, max, label, height = 280 }: Props) {
  const centre = { x: width / 2, y: height / 2 };
  const radius = height / 2 - 44;
  const angle = (index: number) => (index / axes.length) * 2 * Math.PI;
  const point = (index: number, scale: number) => ({
    x: centre.x + Math.sin(angle(index)) * radius * scale,
    y: centre.y - Math.cos(angle(index)) * radius * scale,
  });
  const shape = lineRadial<number>()
    .angle((_, index) => angle(index))
    .radius((value) => (Math.min(Math.max(value, 0), max) / max) * radius)
    .curve(curveLinearClosed);
  const ring = (scale: number) => axes.map((_, index) => point(index, scale));
  return (
    <div role="img" aria-label={label}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: 'block', maxHeight: height }}
        aria-hidden
        focusable="false"
      >
        <g stroke={chartGridColour} fill="none">
          {rings.map((scale) => (
            <polygon
              key={scale}
              points={ring(scale)
                .map((p) => `${p.x},${p.y}`)
                .join(' ')}
            />
          ))}
          {axes.map((name, index) => {
            const rim = point(index, 1);
            return <line key={name} x1={centre.x} y1={centre.y} x2={rim.x} y2={rim.y} />;
          })}
        </g>
        {series.map((s) => (
          <path
            key={s.label}
            d={shape(s.values) ?? ''}
            transform={`translate(${centre.x},${centre.y})`}
            fill={chartColour(s.colour)}
            fillOpacity={s.opacity}
            stroke={chartColour(s.colour)}
            strokeWidth={2}
          >
            <title>{`${s.label}: ${axes.map((name, index) => `${name} ${formatNumber(s.values[index] ?? 0)}`).join(', ')}`}</title>
          </path>
        ))}
        <g fontSize={11} fill={chartTextColour}>
          {axes.map((name, index) => {
            const at = point(index, labelRoom);
            const sin = Math.sin(angle(index));
            const anchor = Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'start' : 'end';
            const lines = axisLines(name);
            // Labels above the centre grow upwards, those below it downwards, away from the rim; those
            // at the sides are centred on it.
            const cos = Math.cos(angle(index));
            const firstDy = cos > 0.2 ? -(lines.length - 1) * 1.1 : cos < -0.2 ? 0.8 : 0.35 - (lines.length - 1) * 0.55;
            return (
              <text key={name} x={at.x} y={at.y} textAnchor={anchor}>
                {lines.map((text, line) => (
                  <tspan key={text} x={at.x} dy={`${line === 0 ? firstDy : 1.1}em`}>
                    {text}
                  </tspan>
                ))}
              </text>
            );
          })}
        </g>
      </svg>
      <Group gap="md" justify="center" mt={4} aria-hidden>
        {series.map((s) => (
          <Group key={s.label} gap={6} wrap="nowrap">
            <span style={{ width: 12, height: 12, borderRadius: 2, background: chartColour(s.colour) }} />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
