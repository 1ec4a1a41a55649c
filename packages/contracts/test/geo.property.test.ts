import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  area,
  bbox,
  bboxOfPoints,
  centroid,
  isPolygon,
  mergeBBoxes,
  type Polygon,
  type Position,
  pointInPolygon,
  pointInRing,
  polygonOf,
} from '../src/geo.ts';
import {
  halfPointArb,
  nearBoundary,
  northParity,
  rectArb,
  rectRing,
  rotate,
  starArb,
  winding,
} from './geo-fixtures.ts';

const RUNS = { numRuns: 300 };
const close = (a: number, b: number, eps = 1e-7) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));

describe('point in polygon', () => {
  it('matches the inequalities of a rectangle, whatever the ring orientation or starting corner', () => {
    fc.assert(
      fc.property(rectArb, halfPointArb, fc.nat(3), fc.boolean(), (r, p, k, reverse) => {
        let ring = rotate(rectRing(r), k);
        if (reverse) ring = ring.reverse();
        const expected = p[0] > r.x0 && p[0] < r.x1 && p[1] > r.y0 && p[1] < r.y1;
        expect(pointInPolygon(p, polygonOf(ring))).toBe(expected);
        expect(pointInRing(p, ring)).toBe(expected); // open and closed rings agree
      }),
      RUNS,
    );
  });

  it('respects holes: a point in a hole is outside, between the rings it is inside', () => {
    fc.assert(
      fc.property(rectArb, halfPointArb, fc.nat(1000), (r, p, seed) => {
        const w = r.x1 - r.x0;
        const h = r.y1 - r.y0;
        fc.pre(w >= 4 && h >= 4);
        const hole = {
          x0: r.x0 + 1 + (seed % Math.floor(w / 2)),
          y0: r.y0 + 1 + (seed % Math.floor(h / 2)),
          x1: r.x1 - 1,
          y1: r.y1 - 1,
        };
        fc.pre(hole.x1 > hole.x0 && hole.y1 > hole.y0);
        const poly = polygonOf(rectRing(r), rectRing(hole).reverse());
        const inRect = (q: typeof r) => p[0] > q.x0 && p[0] < q.x1 && p[1] > q.y0 && p[1] < q.y1;
        expect(pointInPolygon(p, poly)).toBe(inRect(r) && !inRect(hole));
      }),
      RUNS,
    );
  });

  it('agrees with the winding number on simple polygons, away from the boundary', () => {
    const pointArb = fc.tuple(
      fc.double({ min: -160, max: 160, noNaN: true }),
      fc.double({ min: -160, max: 160, noNaN: true }),
    );
    fc.assert(
      fc.property(starArb, pointArb, ({ ring }, p) => {
        fc.pre(!nearBoundary(p, ring));
        expect(pointInPolygon(p, polygonOf(ring))).toBe(winding(p, ring) !== 0);
      }),
      RUNS,
    );
  });

  it('counts the centre of a star-shaped polygon as inside', () => {
    fc.assert(
      fc.property(starArb, ({ centre, ring }) => {
        fc.pre(!nearBoundary(centre, ring, 1e-9));
        expect(pointInPolygon(centre, polygonOf(ring))).toBe(true);
      }),
      RUNS,
    );
  });

  it('is the even-odd rule on any ring (self-intersecting too): an east ray and a north ray agree', () => {
    const vertex = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }));
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 12 }), halfPointArb, (ring, raw) => {
        const p: Position = [raw[0] / 10, raw[1] / 10];
        const r = ring as Position[];
        fc.pre(!nearBoundary(p, r));
        expect(pointInRing(p, r)).toBe(northParity(p, r));
      }),
      RUNS,
    );
  });

  it('does not change when point and polygon move together', () => {
    const vertex = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }));
    const shift = fc.tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -10_000, max: 10_000 }));
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 12 }), halfPointArb, shift, (ring, raw, [dx, dy]) => {
        const r = ring as Position[];
        const p: Position = [raw[0] / 10, raw[1] / 10];
        fc.pre(!nearBoundary(p, r));
        const moved = polygonOf(r.map(([x, y]) => [x + dx, y + dy]));
        expect(pointInPolygon([p[0] + dx, p[1] + dy], moved)).toBe(pointInPolygon(p, polygonOf(r)));
      }),
      RUNS,
    );
  });
});

describe('bbox', () => {
  it('holds every corner, touches each side, and holds every inside point', () => {
    const pointArb = fc.tuple(
      fc.double({ min: -160, max: 160, noNaN: true }),
      fc.double({ min: -160, max: 160, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(starArb, { minLength: 1, maxLength: 4 }), pointArb, (stars, p) => {
        const polys = stars.map((s) => polygonOf(s.ring));
        const b = bbox(polys)!;
        const corners = stars.flatMap((s) => s.ring);
        for (const [x, y] of corners) expect(x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]).toBe(true);
        expect(corners.some(([x]) => x === b[0]) && corners.some(([x]) => x === b[2])).toBe(true);
        expect(corners.some(([, y]) => y === b[1]) && corners.some(([, y]) => y === b[3])).toBe(true);
        if (polys.some((q) => pointInPolygon(p, q)))
          expect(p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]).toBe(true);
        // The union of per-polygon boxes is the box of the union.
        expect(mergeBBoxes(polys.map((q) => bbox([q])))).toEqual(b);
      }),
      RUNS,
    );
    expect(bbox([])).toBeNull();
    expect(bboxOfPoints([])).toBeNull();
    expect(mergeBBoxes([null])).toBeNull();
  });
});

describe('centroid and area', () => {
  it('is the centre of a rectangle, and its area is width × height (a hole subtracts)', () => {
    fc.assert(
      fc.property(rectArb, fc.nat(3), fc.boolean(), (r, k, reverse) => {
        let ring = rotate(rectRing(r), k);
        if (reverse) ring = ring.reverse();
        const [x, y] = centroid(polygonOf(ring));
        expect(close(x, (r.x0 + r.x1) / 2)).toBe(true);
        expect(close(y, (r.y0 + r.y1) / 2)).toBe(true);
        expect(close(area(polygonOf(ring)), (r.x1 - r.x0) * (r.y1 - r.y0))).toBe(true);
      }),
      RUNS,
    );
  });

  it('composes with holes: (A·c − a·h) / (A − a), whichever way the hole is wound', () => {
    fc.assert(
      fc.property(rectArb, fc.nat(1000), fc.boolean(), (r, seed, reverse) => {
        const w = r.x1 - r.x0;
        const h = r.y1 - r.y0;
        fc.pre(w >= 6 && h >= 6);
        const hole = {
          x0: r.x0 + 1 + (seed % Math.floor(w / 3)),
          y0: r.y0 + 1,
          x1: r.x0 + 2 + Math.floor(w / 2),
          y1: r.y1 - 1,
        };
        fc.pre(hole.x1 > hole.x0);
        const holeRing = reverse ? rectRing(hole).reverse() : rectRing(hole);
        const poly = polygonOf(rectRing(r), holeRing);
        const A = w * h;
        const a = (hole.x1 - hole.x0) * (hole.y1 - hole.y0);
        const [x, y] = centroid(poly);
        expect(close(x, ((A * (r.x0 + r.x1)) / 2 - (a * (hole.x0 + hole.x1)) / 2) / (A - a))).toBe(true);
        expect(close(y, ((A * (r.y0 + r.y1)) / 2 - (a * (hole.y0 + hole.y1)) / 2) / (A - a))).toBe(true);
        expect(close(area(poly), A - a)).toBe(true);
      }),
      RUNS,
    );
  });

  it('lies inside a convex polygon and moves with it', () => {
    const convexArb = fc
      .record({
        cuts: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 20 }),
        rx: fc.double({ min: 0.0001, max: 0.05, noNaN: true }),
        ry: fc.double({ min: 0.0001, max: 0.05, noNaN: true }),
        lng: fc.double({ min: 73, max: 135, noNaN: true }),
        lat: fc.double({ min: 18, max: 53, noNaN: true }),
      })
      .filter(({ cuts }) => {
        const a = [...cuts].sort((p, q) => p - q);
        return a.every((v, i) => ((a[(i + 1) % a.length]! - v + 360) % 360 || 360) < 180);
      });
    fc.assert(
      fc.property(convexArb, fc.double({ min: -1, max: 1, noNaN: true }), ({ cuts, rx, ry, lng, lat }, d) => {
        const ring = [...cuts]
          .sort((p, q) => p - q)
          .map(
            (deg): Position => [lng + rx * Math.cos((deg * Math.PI) / 180), lat + ry * Math.sin((deg * Math.PI) / 180)],
          );
        const c = centroid(polygonOf(ring));
        expect(pointInPolygon(c, polygonOf(ring))).toBe(true);
        const moved = centroid(polygonOf(ring.map(([x, y]) => [x + d, y - d])));
        expect(Math.abs(moved[0] - (c[0] + d))).toBeLessThan(1e-9);
        expect(Math.abs(moved[1] - (c[1] - d))).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });

  it('falls back to the average corner for a polygon without area', () => {
    expect(
      centroid(
        polygonOf([
          [0, 0],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toEqual([1, 1]);
    expect(
      area(
        polygonOf([
          [0, 0],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toBe(0);
  });
});

describe('isPolygon', () => {
  it('accepts what polygonOf builds and rejects other shapes', () => {
    fc.assert(
      fc.property(starArb, ({ ring }) => {
        expect(isPolygon(polygonOf(ring))).toBe(true);
      }),
      RUNS,
    );
    const junk: unknown[] = [
      null,
      'Polygon',
      { type: 'Point', coordinates: [1, 2] },
      { type: 'Polygon', coordinates: [] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 'x'],
            [2, 2],
          ],
        ],
      },
    ];
    for (const j of junk) expect(isPolygon(j)).toBe(false);
    const closed: Polygon = polygonOf([
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(closed.coordinates[0]).toHaveLength(4);
  });
});
