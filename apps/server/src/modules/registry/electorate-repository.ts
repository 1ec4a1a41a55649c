/**
 * The registry's SQL for vote electorates (docs/adr/0012-votes.md): rooms, households, people with accounts,
 * floor areas and the buildings they sit in, narrowed to the scope's path prefixes of one community.
 * Floor areas leave the database as integer hundredths of m² (exact), never as floats.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

const inScope = (column: string, paths: readonly string[]): RawBuilder<boolean> =>
  paths.length === 0
    ? sql<boolean>`false`
    : sql<boolean>`(${sql.join(
        paths.map((p) => sql`${sql.raw(column)} LIKE ${`${p}%`}`),
        sql` OR `,
      )})`;

export interface RoomRow {
  room_id: string;
  label: string;
  building_id: string | null;
  building_name: string | null;
}

/**
 * "3号楼 1单元 502室": the room with its building and unit — a room hangs under a unit under a building, or
 * directly under a building. Parent links (primary-key lookups), not path prefixes: linear in rooms.
 */
const ROOM_FIELDS = sql`r.id::text AS room_id,
  concat_ws(' ', CASE WHEN p1.type = 'building' THEN p1.name WHEN p2.type = 'building' THEN p2.name END,
    CASE WHEN p1.type = 'unit' THEN p1.name END, r.name) AS label,
  (CASE WHEN p1.type = 'building' THEN p1.id WHEN p2.type = 'building' THEN p2.id END)::text AS building_id,
  CASE WHEN p1.type = 'building' THEN p1.name WHEN p2.type = 'building' THEN p2.name END AS building_name`;
const ROOM_JOINS = sql`
  LEFT JOIN org_node p1 ON p1.id = r.parent_id
  LEFT JOIN org_node p2 ON p2.id = p1.parent_id`;

/** Resident accounts granted at rooms of the scope (verified residents), one row per account and room. */
export async function residentRooms(tx: Db, communityId: string, paths: readonly string[]) {
  const r = await sql<RoomRow & { user_id: string }>`
    SELECT g.user_id::text AS user_id, ${ROOM_FIELDS}
    FROM role_grant g
    JOIN org_node r ON r.id = g.node_id AND r.type = 'room'
    ${ROOM_JOINS}
    WHERE g.role = 'resident' AND r.community_id = ${communityId} AND ${inScope('r.path', paths)}
    ORDER BY r.path, g.user_id`.execute(tx);
  return r.rows;
}

/** Households living in rooms of the scope, with the room's housing facts (area in hundredths of m²). */
export async function householdRooms(tx: Db, communityId: string, paths: readonly string[]) {
  const r = await sql<RoomRow & { household_id: string; ownership: string | null; area: string | null }>`
    SELECT h.id::text AS household_id, hu.ownership, (hu.floor_area * 100)::bigint::text AS area, ${ROOM_FIELDS}
    FROM household h
    JOIN org_node r ON r.id = h.address_node_id AND r.type = 'room'
    LEFT JOIN housing_unit hu ON hu.community_id = r.community_id AND hu.node_id = r.id
    ${ROOM_JOINS}
    WHERE h.community_id = ${communityId} AND h.moved_out_at IS NULL AND ${inScope('r.path', paths)}
    ORDER BY r.path`.execute(tx);
  return r.rows;
}

/** Rooms of the scope with a recorded floor area, and the household living there if any. */
export async function ownedRooms(tx: Db, communityId: string, paths: readonly string[]) {
  const r = await sql<RoomRow & { household_id: string | null; ownership: string; area: string }>`
    SELECT h.id::text AS household_id, hu.ownership, (hu.floor_area * 100)::bigint::text AS area, ${ROOM_FIELDS}
    FROM org_node r
    JOIN housing_unit hu ON hu.community_id = r.community_id AND hu.node_id = r.id AND hu.floor_area IS NOT NULL
    LEFT JOIN household h ON h.community_id = r.community_id AND h.address_node_id = r.id AND h.moved_out_at IS NULL
    ${ROOM_JOINS}
    WHERE r.type = 'room' AND r.community_id = ${communityId} AND ${inScope('r.path', paths)}
    ORDER BY r.path`.execute(tx);
  return r.rows;
}

/** Rooms of the scope the registry has no floor area for (left out of an owners' vote, and reported). */
export async function roomsWithoutArea(tx: Db, communityId: string, paths: readonly string[]): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM org_node r
    LEFT JOIN housing_unit hu ON hu.community_id = r.community_id AND hu.node_id = r.id
    WHERE r.type = 'room' AND r.community_id = ${communityId} AND ${inScope('r.path', paths)}
      AND hu.floor_area IS NULL`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

/** People with accounts in households living in rooms of the scope (the head marked). */
export async function accountHolders(tx: Db, communityId: string, paths: readonly string[]) {
  const r = await sql<{ household_id: string; user_id: string; head: boolean }>`
    SELECT p.household_id::text AS household_id, p.user_id::text AS user_id, p.relation = 'head' AS head
    FROM person p
    JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    JOIN org_node r ON r.id = h.address_node_id
    WHERE p.community_id = ${communityId} AND p.user_id IS NOT NULL AND p.moved_out_at IS NULL
      AND ${inScope('r.path', paths)}`.execute(tx);
  return r.rows;
}
