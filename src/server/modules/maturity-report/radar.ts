// The radar of an area's dimensions as plain points, so the report draws it as vector paths and a
// test can check the geometry without reading a PDF. Axis 0 points straight up and the axes go
// clockwise, as the web's radar does; a score is a share of `max` along its axis.

export type Point = { x: number; y: number };

/** How a label sits against its anchor: to the right of it, to the left, or centred over it. */
export type LabelAlign = 'left' | 'right' | 'center';

export type RadarGeometry = {
  /** The grid's rings, innermost first: one closed polygon per ring, a point per axis. */
  rings: Point[][];
  /** From the centre to the outer ring, one per axis. */
  spokes: { from: Point; to: Point }[];
  /** One closed polygon per series, a point per axis. */
  polygons: Point[][];
  /** Where each axis's label goes, just outside the outer ring, and which way its text runs. */
  labels: { anchor: Point; align: LabelAlign }[];
};

export type RadarInput = {
  centre: Point;
  radius: number;
  /** The number of axes (an area's dimensions: 4–6); at least 3 make a polygon. */
  axes: number;
  /** Grid rings, evenly spaced out to the radius. */
  rings: number;
  /** The largest score, at the outer ring (100 for a dimension's 0–100 score). */
  max: number;
  /** Each series' score per axis; null (no score: every question not applicable) sits at the centre. */
  series: readonly (readonly (number | null)[])[];
  /** The gap between the outer ring and a label's anchor. */
  labelGap: number;
};

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Geometry of a radar chart: a value v on axis i of n lies at radius·v/max, at the angle
 * −90° + i·360°/n (clockwise from the top); values are clamped to 0…max. */
export function radarGeometry(input: RadarInput): RadarGeometry {
  const { centre, radius, axes, max } = input;
  if (axes < 3) throw new Error(`A radar needs at least 3 axes, not ${axes}`);
  const direction = (axis: number) => {
    const angle = -Math.PI / 2 + (axis * 2 * Math.PI) / axes;
    return { dx: Math.cos(angle), dy: Math.sin(angle) };
  };
  const at = (axis: number, distance: number): Point => {
    const { dx, dy } = direction(axis);
    return { x: round(centre.x + dx * distance), y: round(centre.y + dy * distance) };
  };
  const indices = Array.from({ length: axes }, (_, axis) => axis);
  const clamp = (value: number | null) => Math.min(Math.max(value ?? 0, 0), max);
  return {
    rings: Array.from({ length: input.rings }, (_, ring) =>
      indices.map((axis) => at(axis, (radius * (ring + 1)) / input.rings)),
    ),
    spokes: indices.map((axis) => ({ from: { ...centre }, to: at(axis, radius) })),
    polygons: input.series.map((values) =>
      indices.map((axis) => at(axis, (radius * clamp(values[axis] ?? null)) / max)),
    ),
    labels: indices.map((axis) => {
      const { dx } = direction(axis);
      const align: LabelAlign = Math.abs(dx) < 0.01 ? 'center' : dx > 0 ? 'left' : 'right';
      return { anchor: at(axis, radius + input.labelGap), align };
    }),
  };
}
