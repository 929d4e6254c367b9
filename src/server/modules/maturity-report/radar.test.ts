import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radarGeometry, type RadarInput } from './radar';

const square: RadarInput = {
  centre: { x: 100, y: 100 },
  radius: 80,
  axes: 4,
  rings: 4,
  max: 100,
  series: [],
  labelGap: 10,
};

describe('radarGeometry', () => {
  const cases: { sentence: string; values: (number | null)[]; expected: { x: number; y: number }[] }[] = [
    {
      sentence: 'a full score on every axis reaches the outer ring: top, right, bottom, left',
      values: [100, 100, 100, 100],
      expected: [
        { x: 100, y: 20 },
        { x: 180, y: 100 },
        { x: 100, y: 180 },
        { x: 20, y: 100 },
      ],
    },
    {
      sentence: 'half a score lies halfway out',
      values: [50, 25, 0, 75],
      expected: [
        { x: 100, y: 60 },
        { x: 120, y: 100 },
        { x: 100, y: 100 },
        { x: 40, y: 100 },
      ],
    },
    {
      sentence: 'a score out of range is clamped, and a missing one sits at the centre',
      values: [140, -5, null, 100],
      expected: [
        { x: 100, y: 20 },
        { x: 100, y: 100 },
        { x: 100, y: 100 },
        { x: 20, y: 100 },
      ],
    },
  ];
  it.each(cases)('$sentence', ({ values, expected }) => {
    expect(radarGeometry({ ...square, series: [values] }).polygons[0]).toEqual(expected);
  });

  it('draws evenly spaced rings, a spoke per axis from the centre, and labels outside the grid', () => {
    const geometry = radarGeometry(square);
    expect(geometry.rings).toHaveLength(4);
    expect(geometry.rings[0]![0]).toEqual({ x: 100, y: 80 });
    expect(geometry.rings[3]![1]).toEqual({ x: 180, y: 100 });
    expect(geometry.spokes.map((spoke) => spoke.to)).toEqual(geometry.rings[3]);
    expect(geometry.spokes.every((spoke) => spoke.from.x === 100 && spoke.from.y === 100)).toBe(true);
    expect(geometry.labels).toEqual([
      { anchor: { x: 100, y: 10 }, align: 'center' },
      { anchor: { x: 190, y: 100 }, align: 'left' },
      { anchor: { x: 100, y: 190 }, align: 'center' },
      { anchor: { x: 10, y: 100 }, align: 'right' },
    ]);
  });

  it('refuses fewer than three axes, which make no polygon', () => {
    expect(() => radarGeometry({ ...square, axes: 2 })).toThrow(/at least 3 axes/);
  });

  it('keeps every point of every series within the outer ring (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.array(fc.oneof(fc.constant(null), fc.double({ min: -500, max: 500, noNaN: true })), {
          minLength: 8,
          maxLength: 8,
        }),
        (axes, values) => {
          const [polygon] = radarGeometry({ ...square, axes, series: [values] }).polygons;
          expect(polygon).toHaveLength(axes);
          for (const point of polygon!) {
            expect(Math.hypot(point.x - 100, point.y - 100)).toBeLessThanOrEqual(80 + 0.01);
          }
        },
      ),
    );
  });
});
