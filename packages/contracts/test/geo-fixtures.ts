/** Random shapes and reference answers for the geometry properties. */
import fc from 'fast-check';
import type { Position } from '../src/geo.ts';

/** An axis-aligned rectangle with integer corners. */
export const rectArb = fc
  .record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) })
  .chain(({ x, y }) =>
    fc.record({
      x0: fc.constant(x),
      y0: fc.constant(y),
      x1: fc.integer({ min: x + 2, max: x + 400 }),
      y1: fc.integer({ min: y + 2, max: y + 400 }),
    }),
  );
export const rectRing = (r: { x0: number; y0: number; x1: number; y1: number }): Position[] => [
  [r.x0, r.y0],
  [r.x1, r.y0],
  [r.x1, r.y1],
  [r.x0, r.y1],
];
/** Test points on a half-integer lattice never lie on an integer rectangle's edges. */
export const halfPointArb = fc
  .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }))
  .map(([x, y]): Position => [x + 0.5, y + 0.5]);

/** A simple (star-shaped) polygon: strictly increasing angles around a centre, random radii. */
export const starArb = fc
  .record({
    cx: fc.double({ min: -100, max: 100, noNaN: true }),
    cy: fc.double({ min: -100, max: 100, noNaN: true }),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 24 }),
    radii: fc.array(fc.double({ min: 1, max: 50, noNaN: true }), { minLength: 24, maxLength: 24 }),
  })
  .filter((s) => {
    const a = [...s.cuts].sort((p, q) => p - q);
    // Every gap under 180° keeps the centre strictly inside.
    return a.every((v, i) => ((a[(i + 1) % a.length]! - v + 360) % 360 || 360) < 180);
  })
  .map((s) => {
    const angles = [...s.cuts].sort((p, q) => p - q);
    return {
      centre: [s.cx, s.cy] as Position,
      ring: angles.map((deg, i): Position => {
        const t = (deg * Math.PI) / 180;
        return [s.cx + s.radii[i]! * Math.cos(t), s.cy + s.radii[i]! * Math.sin(t)];
      }),
    };
  });

/** Distance from a point to a segment. */
export function segmentDistance(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
export const nearBoundary = (p: Position, ring: Position[], eps = 1e-6) =>
  ring.some((a, i) => segmentDistance(p, a, ring[(i + 1) % ring.length]!) < eps);

/** Reference: winding number (non-zero rule), equal to even-odd for simple polygons. */
export function winding(p: Position, ring: Position[]): number {
  let w = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const side = (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1]);
    if (a[1] <= p[1] && b[1] > p[1] && side > 0) w++;
    else if (a[1] > p[1] && b[1] <= p[1] && side < 0) w--;
  }
  return w;
}

/** Reference: parity of crossings of a ray going north instead of east (any direction gives the same parity). */
export function northParity(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    if (a[0] > p[0] !== b[0] > p[0] && p[1] < ((b[1] - a[1]) * (p[0] - a[0])) / (b[0] - a[0]) + a[1]) inside = !inside;
  }
  return inside;
}

export const rotate = <T>(xs: T[], k: number) => [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)];
