/**
 * Outlines for the demo district, so the case map has something to draw without a tile server. Laid out
 * in metres east and north of a corner near 121.40°E 31.30°N: two streets stacked as blocks, three
 * communities side by side in each, two grids per community, buildings as small slabs (courtyards in the
 * village) inside their grid. Deterministic: the same outlines on every machine.
 *
 * Shared borders match exactly: every outline walks its rectangle's sides through all the layout's corners
 * lying on them, and each corner, and each wobble between two corners, moves by an amount that depends
 * only on where it is, so neighbours compute the same points.
 */
import { geo } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import { setGeometry } from '../org/geometry-repository.ts';
import type { DemoNode } from './tree.ts';

const ORIGIN = { lng: 121.4, lat: 31.3 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);
/** How far corners move, and border wobbles bulge, at most (metres). */
const JITTER = 30;
const WOBBLE = 22;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
type P = [number, number];

/** Street blocks (south to north) and, in each, the communities' east borders and their grids' dividing line. */
const LAYOUT = [
  {
    street: 'street2',
    y0: 0,
    y1: 1000,
    communities: [
      ['D', 650, 480],
      ['E', 1250, 520],
      ['F', 2100, 500],
    ],
  },
  {
    street: 'street1',
    y0: 1000,
    y1: 1900,
    communities: [
      ['A', 700, 1460],
      ['B', 1350, 1430],
      ['C', 2100, 1450],
    ],
  },
] as const;

/** The layout as rectangles by demo key (district, streets, communities, grids). */
function rectangles(): Map<string, Rect> {
  const out = new Map<string, Rect>();
  out.set('district', { x0: 0, y0: 0, x1: 2100, y1: 1900 });
  for (const s of LAYOUT) {
    out.set(s.street, { x0: 0, y0: s.y0, x1: 2100, y1: s.y1 });
    let x0 = 0;
    for (const [key, x1, split] of s.communities) {
      out.set(key, { x0, y0: s.y0, x1, y1: s.y1 });
      // 第一网格 to the north, 第二网格 to the south.
      out.set(`${key}.grid1`, { x0, y0: split, x1, y1: s.y1 });
      out.set(`${key}.grid2`, { x0, y0: s.y0, x1, y1: split });
      x0 = x1;
    }
  }
  return out;
}

/** A number in [0, 1) from integers (a small integer hash; no state). */
function hash01(...ns: number[]): number {
  let h = 2166136261;
  for (const n of ns) {
    h = Math.imul(h ^ (Math.round(n) & 0xffff), 16777619);
    h = Math.imul(h ^ (Math.round(n) >>> 16), 16777619);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

const moved = ([x, y]: P): P => [x + (hash01(x, y, 1) * 2 - 1) * JITTER, y + (hash01(x, y, 2) * 2 - 1) * JITTER];

/** Points between two neighbouring corners: the same, in either direction, for both outlines sharing them. */
function wobble(a: P, b: P): P[] {
  const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
  const [pa, qb] = [moved(p), moved(q)];
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
  const n = Math.min(3, Math.floor(len / 220));
  const [nx, ny] = [-(qb[1] - pa[1]) / len, (qb[0] - pa[0]) / len];
  const pts: P[] = [];
  for (let i = 1; i <= n; i++) {
    const t = i / (n + 1);
    const off = (hash01(p[0] + q[0], p[1] + q[1], i) * 2 - 1) * WOBBLE;
    pts.push([pa[0] + (qb[0] - pa[0]) * t + nx * off, pa[1] + (qb[1] - pa[1]) * t + ny * off]);
  }
  return a === p ? pts : pts.reverse();
}

/** A rectangle's outline (counter-clockwise) through every layout corner on its sides. */
function outline(r: Rect, corners: readonly P[]): P[] {
  const on = (pred: (c: P) => boolean, key: (c: P) => number, desc: boolean) =>
    corners.filter(pred).sort((a, b) => (desc ? key(b) - key(a) : key(a) - key(b)));
  const sides = [
    on(
      (c) => c[1] === r.y0 && c[0] >= r.x0 && c[0] < r.x1,
      (c) => c[0],
      false,
    ), // south, west → east
    on(
      (c) => c[0] === r.x1 && c[1] >= r.y0 && c[1] < r.y1,
      (c) => c[1],
      false,
    ), // east, south → north
    on(
      (c) => c[1] === r.y1 && c[0] <= r.x1 && c[0] > r.x0,
      (c) => c[0],
      true,
    ), // north, east → west
    on(
      (c) => c[0] === r.x0 && c[1] <= r.y1 && c[1] > r.y0,
      (c) => c[1],
      true,
    ), // west, north → south
  ];
  const walk = sides.flat();
  return walk.flatMap((c, i) => [moved(c), ...wobble(c, walk[(i + 1) % walk.length]!)]);
}

/** A rectangle w × h metres centred at (cx, cy), turned by `deg` degrees. */
function slab(cx: number, cy: number, w: number, h: number, deg: number): P[] {
  const t = (deg * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x, y]): P => [cx + x! * c - y! * s, cy + x! * s + y! * c]);
}

/** Where each building of a grid stands, as fractions of the grid's inner area (clear of moved borders). */
const BUILDING_SPOTS: Record<'building' | 'courtyard', [number, number][]> = {
  building: [
    [0.3, 0.62],
    [0.68, 0.34],
  ],
  courtyard: [
    [0.22, 0.7],
    [0.7, 0.75],
    [0.28, 0.25],
    [0.76, 0.3],
  ],
};

const toLngLat = ([x, y]: P): geo.Position => [
  Math.round((ORIGIN.lng + x / M_PER_DEG_LNG) * 1e7) / 1e7,
  Math.round((ORIGIN.lat + y / M_PER_DEG_LAT) * 1e7) / 1e7,
];

/** Outlines of the demo tree's district, streets, communities, grids and buildings, by demo key. */
export function demoOutlines(tree: readonly DemoNode[]): Map<string, geo.Polygon> {
  const rects = rectangles();
  const corners = [
    ...new Map(
      [...rects.values()].flatMap((r) =>
        (
          [
            [r.x0, r.y0],
            [r.x1, r.y0],
            [r.x1, r.y1],
            [r.x0, r.y1],
          ] as P[]
        ).map((c) => [`${c[0]},${c[1]}`, c] as const),
      ),
    ).values(),
  ];
  const out = new Map<string, geo.Polygon>();
  for (const [key, r] of rects) out.set(key, geo.polygonOf(outline(r, corners).map(toLngLat)));
  const clear = JITTER + WOBBLE + 40;
  for (const grid of tree.filter((n) => n.type === 'grid')) {
    const r = rects.get(grid.key);
    if (!r) continue;
    const buildings = tree.filter((n) => n.parentKey === grid.key && n.type === 'building');
    for (const [i, b] of buildings.entries()) {
      const kind = b.kind === 'courtyard' ? 'courtyard' : 'building';
      const spot = BUILDING_SPOTS[kind][i % BUILDING_SPOTS[kind].length]!;
      const w = r.x1 - r.x0 - 2 * clear;
      const h = r.y1 - r.y0 - 2 * clear;
      const cx = r.x0 + clear + spot[0] * w;
      const cy = r.y0 + clear + spot[1] * h;
      const turn = (hash01(cx, cy, 3) * 2 - 1) * 12;
      const [bw, bh] = kind === 'courtyard' ? [30 + hash01(cx, 4) * 12, 24 + hash01(cy, 5) * 10] : [64, 15];
      out.set(b.key, geo.polygonOf(slab(cx, cy, bw, bh, turn).map(toLngLat)));
    }
  }
  return out;
}

/** Stores the demo outlines on the nodes just inserted (`idOf` maps a demo key to its node id). */
export async function saveDemoOutlines(tx: Db, tree: readonly DemoNode[], idOf: (key: string) => string) {
  for (const [key, polygon] of demoOutlines(tree)) await setGeometry(tx, idOf(key), polygon);
}
