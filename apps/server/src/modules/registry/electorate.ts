/**
 * Electorates of votes, read from the registry (docs/adr/0012-votes.md). The votes module snapshots what
 * this returns when a vote opens, so later registry edits cannot change an open vote.
 *
 * - residents: every verified resident account (a resident grant at a room of the scope) is one elector;
 * - households: every household living in a room of the scope is one elector; its head votes, other
 *   members with an account vote for it as proxies (recorded as such);
 * - owners (art. 278): every room of the scope with a registered floor area is one elector weighing its
 *   area. An owner-occupied room's household votes for it (the head as owner, members as proxies); a rented
 *   or vacant room's owner is not in the registry, so it counts in the totals but nobody can vote for it here.
 */
import type { Db } from '../../platform/db/engine.ts';
import * as repo from './electorate-repository.ts';

export type ElectorateKind = 'residents' | 'households' | 'owners';

export interface Elector {
  buildingId: string | null;
  buildingName: string;
  label: string;
  /** Exclusive floor area in hundredths of m² (0 unless an owners' vote). */
  area: bigint;
  voters: { userId: string; proxy: boolean }[];
}

export interface Electorate {
  electors: Elector[];
  roomsWithoutArea: number;
}

const building = (r: repo.RoomRow) => ({ buildingId: r.building_id, buildingName: r.building_name ?? '' });

async function holders(tx: Db, communityId: string, paths: readonly string[]) {
  const byHousehold = new Map<string, { userId: string; proxy: boolean }[]>();
  for (const p of await repo.accountHolders(tx, communityId, paths)) {
    const list = byHousehold.get(p.household_id) ?? [];
    list.push({ userId: p.user_id, proxy: !p.head });
    byHousehold.set(p.household_id, list);
  }
  return byHousehold;
}

export async function electorateOf(
  tx: Db,
  communityId: string,
  kind: ElectorateKind,
  scopePaths: readonly string[],
): Promise<Electorate> {
  if (kind === 'residents') {
    const seen = new Set<string>();
    const electors: Elector[] = [];
    // One elector per account even when granted at two rooms (the first room by path names it).
    for (const r of await repo.residentRooms(tx, communityId, scopePaths)) {
      if (seen.has(r.user_id)) continue;
      seen.add(r.user_id);
      electors.push({ ...building(r), label: r.label, area: 0n, voters: [{ userId: r.user_id, proxy: false }] });
    }
    return { electors, roomsWithoutArea: 0 };
  }
  const members = await holders(tx, communityId, scopePaths);
  if (kind === 'households') {
    const rows = await repo.householdRooms(tx, communityId, scopePaths);
    return {
      electors: rows.map((r) => ({
        ...building(r),
        label: r.label,
        area: 0n,
        voters: members.get(r.household_id) ?? [],
      })),
      roomsWithoutArea: 0,
    };
  }
  const [rows, missing] = await Promise.all([
    repo.ownedRooms(tx, communityId, scopePaths),
    repo.roomsWithoutArea(tx, communityId, scopePaths),
  ]);
  return {
    electors: rows.map((r) => ({
      ...building(r),
      label: r.label,
      area: BigInt(r.area),
      voters: r.ownership === 'owner_occupied' && r.household_id ? (members.get(r.household_id) ?? []) : [],
    })),
    roomsWithoutArea: missing,
  };
}
