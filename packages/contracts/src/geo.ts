/**
 * Plane geometry on GeoJSON polygons in WGS84 (`[lng, lat]` positions), for outlines of communities, grids
 * and buildings. At the size of a district the earth is flat enough: no projection, no great circles.
 * Pure: the server checks map pins with it, the console draws and centres with it.
 */

/** `[lng, lat]` (GeoJSON order). */
export type Position = [number, number];
/** A closed ring: the last position repeats the first (an open ring is closed implicitly). */
export type Ring = Position[];
/** GeoJSON Polygon: an outer ring, then holes. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Ring[];
}
/** `[minLng, minLat, maxLng, maxLat]` (GeoJSON order). */
export type BBox = [number, number, number, number];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Whether a value (e.g. a jsonb column) is a usable polygon: an outer ring of at least 3 distinct corners. */
export function isPolygon(v: unknown): v is Polygon {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' || !Array.isArray(g.coordinates) || g.coordinates.length === 0) return false;
  return g.coordinates.every((r) => Array.isArray(r) && r.length >= 3 && r.every(isPosition));
}

/**
 * Whether a point lies inside a ring, by ray casting: count the edges a ray to the east crosses. Each edge
 * is half-open in latitude, so a vertex on the ray is counted once. Points exactly on an edge may fall
 * either way.
 */
export function pointInRing(point: Position, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function pointInPolygon(point: Position, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon.coordinates;
  if (!outer || !pointInRing(point, outer)) return false;
  return !holes.some((h) => pointInRing(point, h));
}

/** The smallest box around the given polygons' outer rings (holes lie inside them); null for none. */
export function bbox(polygons: readonly Polygon[]): BBox | null {
  return bboxOfPoints(polygons.flatMap((p) => p.coordinates[0] ?? []));
}

/** The smallest box around some positions; null for none. */
export function bboxOfPoints(points: readonly Position[]): BBox | null {
  if (points.length === 0) return null;
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    if (x < out[0]) out[0] = x;
    if (y < out[1]) out[1] = y;
    if (x > out[2]) out[2] = x;
    if (y > out[3]) out[3] = y;
  }
  return out;
}

/** The union of boxes; null when there are none. */
export function mergeBBoxes(boxes: readonly (BBox | null)[]): BBox | null {
  return bboxOfPoints(boxes.flatMap((b) => (b ? [[b[0], b[1]] as Position, [b[2], b[3]] as Position] : [])));
}

/** Twice the signed area and the area-weighted sums of a ring (shoelace), relative to an anchor for precision. */
function ringMoments(ring: Ring, ax: number, ay: number): { a2: number; cx: number; cy: number } {
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const x0 = ring[j]![0] - ax;
    const y0 = ring[j]![1] - ay;
    const x1 = ring[i]![0] - ax;
    const y1 = ring[i]![1] - ay;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { a2, cx, cy };
}

/** Area in square degrees of a polygon (outer minus holes), whatever the rings' orientation. */
export function area(polygon: Polygon): number {
  const [outer, ...holes] = polygon.coordinates;
  if (!outer?.length) return 0;
  const [ax, ay] = outer[0]!;
  const a = (r: Ring) => Math.abs(ringMoments(r, ax, ay).a2) / 2;
  return Math.max(0, a(outer) - holes.reduce((s, h) => s + a(h), 0));
}

/**
 * The centre of mass of a polygon (outer minus holes), whatever the rings' orientation. A degenerate
 * polygon (no area) gets the average of its outer ring's distinct corners.
 */
export function centroid(polygon: Polygon): Position {
  const outer = polygon.coordinates[0] ?? [];
  if (outer.length === 0) return [Number.NaN, Number.NaN];
  const [ax, ay] = outer[0]!;
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (const [i, ring] of polygon.coordinates.entries()) {
    const m = ringMoments(ring, ax, ay);
    // The outer ring counts positive and holes negative, whichever way each is wound.
    const sign = (i === 0 ? 1 : -1) * Math.sign(m.a2);
    a2 += sign * m.a2;
    cx += sign * m.cx;
    cy += sign * m.cy;
  }
  const box = bboxOfPoints(outer)!;
  const span = Math.max(box[2] - box[0], box[3] - box[1]);
  if (Math.abs(a2) > 1e-12 * span * span) return [ax + cx / (3 * a2), ay + cy / (3 * a2)];
  const corners = closed(outer) ? outer.slice(0, -1) : outer;
  const n = corners.length;
  return [corners.reduce((s, p) => s + p[0], 0) / n, corners.reduce((s, p) => s + p[1], 0) / n];
}

const closed = (ring: Ring) => ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];

/** A polygon from one ring, closed if it was not. */
export function polygonOf(ring: readonly Position[], ...holes: (readonly Position[])[]): Polygon {
  const close = (r: readonly Position[]): Ring => {
    const copy = r.map((p) => [p[0], p[1]] as Position);
    return closed(copy) ? copy : [...copy, [copy[0]![0], copy[0]![1]]];
  };
  return { type: 'Polygon', coordinates: [close(ring), ...holes.map(close)] };
}
