/** Outlines of org nodes (GeoJSON polygons in `org_node.geometry`). Only SQL here. */
import { geo } from '@linli/contracts';
import type { ColumnType } from 'kysely';
import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';

type GeometryTables = { org_node: { geometry: ColumnType<unknown, string | null, string | null> } };
const g = (tx: Db) => tx.withTables<GeometryTables>();

export interface Outline {
  id: string;
  name: string;
  type: string;
  path: string;
  geometry: geo.Polygon;
}

/** Sets (or with null clears) a node's outline. */
export async function setGeometry(tx: Db, id: string, polygon: geo.Polygon | null): Promise<void> {
  await g(tx)
    .updateTable('org_node')
    .set({ geometry: polygon ? JSON.stringify(polygon) : null })
    .where('id', '=', id)
    .execute();
}

/** A node's outline, or null when it has none (or what is stored is not a usable polygon). */
export async function geometryOf(tx: Db, id: string): Promise<geo.Polygon | null> {
  const row = await g(tx).selectFrom('org_node').select('geometry').where('id', '=', id).executeTakeFirst();
  return geo.isPolygon(row?.geometry) ? row.geometry : null;
}

const toOutlines = (rows: { id: string; name: string; type: string; path: string; geometry: unknown }[]) =>
  rows.flatMap((r) => (geo.isPolygon(r.geometry) ? [{ ...r, geometry: r.geometry }] : []));

/** Outlined nodes of the given types inside the scopes (the scope nodes included), shallow first. */
export async function outlinesWithin(
  tx: Db,
  scopes: readonly string[],
  types: readonly string[],
  limit: number,
): Promise<Outline[]> {
  const rows = await g(tx)
    .selectFrom('org_node as n')
    .select(['n.id', 'n.name', 'n.type', 'n.path', 'n.geometry'])
    .where((eb) => pathIn(eb, 'n.path', scopes))
    .where('n.type', 'in', [...types])
    .where('n.geometry', 'is not', null)
    .orderBy('n.depth')
    .orderBy('n.sort_key')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return toOutlines(rows);
}

/** Outlines of the given nodes (those that have one). */
export async function outlinesOf(tx: Db, ids: readonly string[]): Promise<Outline[]> {
  if (ids.length === 0) return [];
  const rows = await g(tx)
    .selectFrom('org_node as n')
    .select(['n.id', 'n.name', 'n.type', 'n.path', 'n.geometry'])
    .where('n.id', 'in', [...ids])
    .where('n.geometry', 'is not', null)
    .execute();
  return toOutlines(rows);
}
