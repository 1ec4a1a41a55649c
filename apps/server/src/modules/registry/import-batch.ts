/**
 * One batch of an import: check its rows (fields, community, room, ID number, duplicates earlier in the file),
 * plan them against the database (new person, changed, unchanged; registered elsewhere, in another room, a
 * second head) and write the plan in bulk. Every function works in the transaction it is given.
 */
import { randomUUID } from 'node:crypto';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { SheetRow } from '../cases/import/sheet.ts';
import * as bulk from '../residents/bulk-repository.ts';
import * as records from '../residents/records.ts';
import { protectIdNumber } from '../residents/service.ts';
import type { Places } from './import-places.ts';
import * as repo from './import-repository.ts';
import { checkRow, type Mapping, type RowError } from './import-rows.ts';

export interface Run {
  id: string;
  headers: string[];
  mapping: Mapping;
  places: Places;
  keys: Keys;
  now: Date;
  user: { id: string; name: string };
}

/** A checked row, with the pinyin initials a new person gets (worked out with the rest of the CPU work). */
type Staged = repo.StagedRow & { initials?: string };

/** Pinyin of names met recently: names repeat a lot, and pinyin-pro is the dearest step after encryption. */
const initialsMemo = new Map<string, string>();
function initialsOf(name: string): string {
  let v = initialsMemo.get(name);
  if (v === undefined) {
    if (initialsMemo.size >= 50_000) initialsMemo.clear();
    v = records.initialsOf(name);
    initialsMemo.set(name, v);
  }
  return v;
}

/** Hands the event loop back every this many rows, so the previous batch's statements go on meanwhile. */
const SLICE = 250;

/**
 * The database-free part of checking a batch: fields, community, room, ID number (encrypted, blind-indexed,
 * masked), duplicates within the batch, initials. Runs while the previous batch is being written; `db` only
 * reads the org tree when a community's rooms are first needed.
 */
export async function prepareBatch(db: Db, run: Run, rows: readonly SheetRow[]) {
  const errors: RowError[] = [];
  const valid: Staged[] = [];
  const inBatch = new Set<string>();
  const communityCol = run.mapping.community ? run.headers.indexOf(run.mapping.community) : -1;
  const now = run.now;
  for (let k = 0; k < rows.length; k++) {
    if (k > 0 && k % SLICE === 0) await new Promise<void>((r) => setImmediate(r));
    const r = rows[k]!;
    let communityId: string | undefined;
    if (run.places.needsCommunity) {
      const name = communityCol >= 0 ? (r.cells[communityCol] ?? '').trim() : '';
      communityId = name ? await run.places.community(db, name) : undefined;
      if (!communityId) {
        errors.push({ row: r.n, field: 'community', code: name ? 'unknown_community' : 'required' });
        continue;
      }
    } else communityId = await run.places.community(db, '');
    const rooms = await run.places.rooms(db, communityId!);
    const cells: Record<string, string> = {};
    for (let i = 0; i < run.headers.length; i++) cells[run.headers[i]!] = r.cells[i] ?? '';
    const checked = checkRow(cells, r.n, run.mapping, rooms.byKey, now);
    if (Array.isArray(checked)) {
      errors.push(...checked);
      continue;
    }
    const id = protectIdNumber(run.keys, checked.idNumber);
    if (inBatch.has(id.blind)) {
      errors.push({ row: r.n, field: 'idNumber', code: 'duplicate' });
      continue;
    }
    inBatch.add(id.blind);
    valid.push({
      row_n: r.n,
      community_id: communityId!,
      room_id: checked.roomId,
      name: checked.name,
      id_cipher: id.cipher,
      id_blind: id.blind,
      id_masked: id.masked,
      sex: id.sex,
      birth_date: id.birthDate,
      phone: checked.phone,
      relation: checked.relation,
      residence: checked.residence,
      initials: initialsOf(checked.name),
    });
  }
  // The duplicate check and who is registered already under these ID numbers run now — on their own
  // connection, on the other core, while the previous batch is being written — not in the writing transaction.
  // The keys commit ahead of the batch; `meet` keeps each number's first row, so a batch redone after a crash
  // finds the same duplicates. The previous batch cannot change who is registered under this batch's numbers:
  // a number in both is a duplicate in the file. Writers outside the import are met as before: same community
  // → the unique index fails the batch, which is retried; a person changed since → the version check does.
  const dup = await repo.meet(
    db,
    run.id,
    valid.map((v) => ({ blind: v.id_blind, row: v.row_n })),
  );
  const known = await bulk.peopleByBlinds(
    db,
    valid.filter((v) => !dup.has(v.id_blind)).map((v) => v.id_blind),
  );
  return { valid, errors, dup, known };
}

export type Prepared = Awaited<ReturnType<typeof prepareBatch>>;

/** Drops the prepared rows whose ID number an earlier row of the file already had (reported as duplicates). */
export function dedupeBatch(prepared: Prepared) {
  const { dup } = prepared;
  const errors = [...prepared.errors];
  if (dup.size === 0) return { valid: prepared.valid, errors };
  const kept = prepared.valid.filter((v) => !dup.has(v.id_blind));
  for (const v of prepared.valid)
    if (dup.has(v.id_blind)) errors.push({ row: v.row_n, field: 'idNumber', code: 'duplicate' });
  return { valid: kept, errors };
}

type Known = Awaited<ReturnType<typeof bulk.peopleByBlinds>>[number];
export interface Plan {
  /** The households of the new people's rooms that exist already (community:room → id). */
  homes: Map<string, string>;
  creates: { row: Staged; relation: string }[];
  updates: { row: Staged; person: Known }[];
  unchanged: number;
  errors: RowError[];
}

/** What writing checked rows would do, given who is registered now (`looked`: found by prepareBatch). */
export async function planBatch(tx: Db, rows: readonly Staged[], looked?: readonly Known[]): Promise<Plan> {
  const known = new Map(
    (
      looked ??
      (await bulk.peopleByBlinds(
        tx,
        rows.map((r) => r.id_blind),
      ))
    ).map((p) => [p.id_blind, p]),
  );
  const key = (c: string, room: string) => `${c}:${room}`;
  const fresh = rows.filter((r) => !known.has(r.id_blind));
  const roomList = [...new Map(fresh.map((r) => [key(r.community_id, r.room_id), r])).values()];
  const homes = new Map<string, { hasHead: boolean }>();
  const plan: Plan = { homes: new Map(), creates: [], updates: [], unchanged: 0, errors: [] };
  for (const h of await bulk.householdsOfRooms(
    tx,
    roomList.map((r) => ({ communityId: r.community_id, roomId: r.room_id })),
  )) {
    homes.set(key(h.community_id, h.address_node_id), { hasHead: h.has_head });
    plan.homes.set(key(h.community_id, h.address_node_id), h.id);
  }
  for (const v of rows) {
    const p = known.get(v.id_blind);
    if (p && p.community_id !== v.community_id)
      plan.errors.push({ row: v.row_n, field: 'idNumber', code: 'registered_elsewhere' });
    else if (p && p.address_node_id !== v.room_id)
      plan.errors.push({ row: v.row_n, field: 'room', code: 'conflicting_household' });
    else if (p) {
      const changed =
        v.name !== p.name ||
        (v.phone !== null && v.phone !== p.phone) ||
        (v.residence !== null && v.residence !== p.residence_status) ||
        (v.relation !== null && v.relation !== p.relation);
      if (changed) plan.updates.push({ row: v, person: p });
      else plan.unchanged++;
    } else {
      const k = key(v.community_id, v.room_id);
      const h = homes.get(k) ?? { hasHead: false };
      const relation = v.relation ?? (h.hasHead ? 'member' : 'head');
      if (relation === 'head' && h.hasHead) {
        plan.errors.push({ row: v.row_n, field: 'relation', code: 'head_exists' });
        continue;
      }
      if (relation === 'head') h.hasHead = true;
      homes.set(k, h);
      plan.creates.push({ row: v, relation });
    }
  }
  return plan;
}

/** Writes a plan: new households for empty rooms, new people, changed fields; each with its history. */
export async function applyPlan(tx: Db, run: Run, plan: Plan): Promise<void> {
  const who = { id: run.user.id, name: run.user.name, reason: '表格导入', at: run.now };
  const changes: bulk.NewChange[] = [];
  const households: bulk.NewHousehold[] = [];
  const people: bulk.NewPerson[] = [];
  // The plan was made in this transaction: the rooms' households are still those it found.
  const homeOf = new Map(plan.homes);
  if (plan.creates.length) {
    const rooms = [...new Map(plan.creates.map(({ row }) => [`${row.community_id}:${row.room_id}`, row])).values()];
    for (const r of rooms) {
      const k = `${r.community_id}:${r.room_id}`;
      if (homeOf.has(k)) continue;
      const id = randomUUID();
      homeOf.set(k, id);
      const room = (await run.places.rooms(tx, r.community_id)).byId.get(r.room_id);
      households.push({ communityId: r.community_id, id, roomId: r.room_id, address: room?.address ?? '' });
    }
  }
  for (const { row, relation } of plan.creates)
    people.push({
      communityId: row.community_id,
      id: randomUUID(),
      householdId: homeOf.get(`${row.community_id}:${row.room_id}`)!,
      name: row.name,
      initials: row.initials ?? initialsOf(row.name),
      relation,
      phone: row.phone,
      cipher: row.id_cipher,
      blind: row.id_blind,
      masked: row.id_masked,
      sex: row.sex,
      birthDate: row.birth_date,
      residence: row.residence ?? 'permanent',
    });
  await bulk.insertHouseholdsAndPeople(tx, households, people, who);
  for (const { row, person: p } of plan.updates) {
    const set: Parameters<typeof records.updatePerson>[4] = {};
    const change = (field: string, col: keyof typeof set, old: string | null, next: string | null) => {
      if (next === null || next === old) return;
      set[col] = next as never;
      changes.push({ communityId: p.community_id, personId: p.id, field, old, next });
    };
    change('name', 'name', p.name, row.name);
    if (set.name) set.name_initials = initialsOf(row.name);
    change('phone', 'phone', p.phone, row.phone);
    change('residenceStatus', 'residence_status', p.residence_status, row.residence);
    change('relation', 'relation', p.relation, row.relation);
    // Someone saved this person since the plan was made: the batch is retried from a fresh plan.
    if (!(await records.updatePerson(tx, p.community_id, p.id, p.version, set, run.now)))
      throw new Error(`person ${p.id} changed during the import`);
  }
  await bulk.insertChanges(tx, changes, who);
}
