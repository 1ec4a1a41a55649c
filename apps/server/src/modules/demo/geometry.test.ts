import { geo } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { demoOutlines } from './geometry.ts';
import { demoTree } from './tree.ts';

const tree = demoTree();
const outlines = demoOutlines(tree);
const byKey = new Map(tree.map((n) => [n.key, n]));

/** Points on a regular lattice over the district's box. */
function lattice(n: number): geo.Position[] {
  const [x0, y0, x1, y1] = geo.bbox([outlines.get('district')!])!;
  const out: geo.Position[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) out.push([x0 + ((x1 - x0) * (i + 0.37)) / n, y0 + ((y1 - y0) * (j + 0.61)) / n]);
  return out;
}

describe('demo outlines', () => {
  it('outline the district, streets, communities, grids and buildings, never units or rooms', () => {
    for (const n of tree) {
      const has = outlines.has(n.key);
      expect(has, n.key).toBe(['district', 'street', 'community', 'grid', 'building'].includes(n.type));
      if (has) expect(geo.isPolygon(outlines.get(n.key)), n.key).toBe(true);
    }
    const [lng, lat] = geo.centroid(outlines.get('district')!);
    expect(lng).toBeCloseTo(121.41, 1);
    expect(lat).toBeCloseTo(31.308, 1);
  });

  it('tile each parent: a point of the district lies in exactly one street, community and grid', () => {
    const levels = ['street', 'community', 'grid'].map((type) => tree.filter((n) => n.type === type));
    let inside = 0;
    for (const p of lattice(60)) {
      if (!geo.pointInPolygon(p, outlines.get('district')!)) continue;
      inside++;
      for (const nodes of levels) {
        const hits = nodes.filter((n) => geo.pointInPolygon(p, outlines.get(n.key)!));
        expect(hits.length, `${p} in ${hits.map((h) => h.key)}`).toBe(1);
        // …and that one lies inside its parent's outline.
        const parent = byKey.get(hits[0]!.parentKey!)!;
        expect(geo.pointInPolygon(p, outlines.get(parent.key)!)).toBe(true);
      }
    }
    expect(inside).toBeGreaterThan(3000);
  });

  it('put every building wholly inside its own grid, apart from its neighbours', () => {
    const buildings = tree.filter((n) => n.type === 'building');
    expect(buildings.length).toBeGreaterThan(20);
    for (const b of buildings) {
      const grid = outlines.get(b.parentKey!)!;
      for (const corner of outlines.get(b.key)!.coordinates[0]!)
        expect(geo.pointInPolygon(corner, grid), b.key).toBe(true);
      for (const other of buildings)
        if (other !== b)
          expect(geo.pointInPolygon(geo.centroid(outlines.get(other.key)!), outlines.get(b.key)!)).toBe(false);
    }
  });

  it('are the same on every run', () => {
    expect(JSON.stringify([...demoOutlines(tree)])).toBe(JSON.stringify([...outlines]));
  });
});
