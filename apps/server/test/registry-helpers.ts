import { makeIdNumber } from '@linli/contracts';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../src/testing/index.ts';
import { type Demo, dbState, emptyRooms } from './helpers.ts';

export interface PersonCard {
  id: string;
  communityId: string;
  householdId: string;
  name: string;
  relation: string;
  phone: string | null;
  idMasked: string;
  sex: string;
  birthDate: string;
  age: number;
  residenceStatus: string;
  address: string;
  roomId: string | null;
  tags: {
    code: string;
    derived: boolean;
    sensitive: boolean;
    level: string | null;
    evidence: string | null;
    canSet: boolean;
  }[];
  household: { id: string; name: string; relation: string }[];
  version: number;
  abilities: Record<string, boolean>;
}
export interface PersonRow {
  id: string;
  name: string;
  address: string;
  roomId: string | null;
  phone: string | null;
  contactOnly: boolean;
  idMasked?: string;
  tags?: { code: string }[];
}

let seq = 500;
/** A valid ID number nobody in the demo has (area 110105, sequence from 500 up). */
export const newId = (birth: string) => makeIdNumber('110105', birth, seq++);

/** Registers a person as `c` (the head of a new household unless householdId is given). */
export async function register(
  c: TestClient,
  roomId: string,
  over: Partial<{
    name: string;
    idNumber: string;
    phone: string | null;
    relation: string;
    householdId: string;
    residenceStatus: string;
  }> = {},
): Promise<PersonCard> {
  const res = await c.post<PersonCard>('/api/registry/people', {
    roomId,
    name: '测试居民',
    idNumber: newId('19700101'),
    relation: 'head',
    residenceStatus: 'permanent',
    ...over,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** Free rooms of a community under a node (a grid or building), by path. */
export async function freeRoomsUnder(t: TestApp, demo: Demo, communityId: string, under: { path: string }) {
  const free = new Set(await emptyRooms(t, communityId));
  return demo.nodes
    .filter((n) => n.type === 'room' && n.path.startsWith(under.path) && free.has(n.id))
    .map((n) => n.id);
}

/** dbState plus the registry's own tables. */
export async function registryState(t: TestApp) {
  const r = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM person_change) AS changes,
    (SELECT count(*) FROM person_tag) AS tags,
    (SELECT coalesce(sum(version), 0) FROM person) AS person_versions,
    (SELECT count(*) FROM housing_unit) AS housing,
    (SELECT coalesce(sum(version), 0) FROM housing_unit) AS housing_versions,
    (SELECT count(*) FROM outreach_policy) AS policies,
    (SELECT count(*) FROM outreach_task) AS tasks,
    (SELECT coalesce(sum(version), 0) FROM outreach_task) AS task_versions`.execute(t.database.db);
  return { ...(await dbState(t)), ...Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)])) };
}

export async function unchanged<T>(t: TestApp, fn: () => Promise<T>, opts: { audited?: boolean } = {}): Promise<T> {
  // An audited attempt (a dry run, a refused import) leaves its audit entry and nothing else.
  const state = async () => {
    const { audit, ...rest } = await registryState(t);
    return opts.audited ? rest : { audit, ...rest };
  };
  const before = await state();
  const out = await fn();
  expect(await state()).toEqual(before);
  return out;
}

/** Audit rows of an action, newest first, straight from the table. */
export async function auditRows(t: TestApp, action: string) {
  const r = await sql<{
    actor_name: string | null;
    resource_id: string | null;
    node_path: string | null;
    detail: unknown;
  }>`
    SELECT actor_name, resource_id, node_path, detail FROM audit_log WHERE action = ${action} ORDER BY id DESC`.execute(
    t.database.db,
  );
  return r.rows.map((x) => ({
    ...x,
    detail: (typeof x.detail === 'string' ? JSON.parse(x.detail) : x.detail) as Record<string, unknown>,
  }));
}
