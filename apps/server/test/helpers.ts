import { api, makeIdNumber, type RouteDef } from '@linli/contracts';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { expect } from 'vitest';
import type { TestResponse } from '../src/testing/client.ts';
import type { TestApp, TestClient } from '../src/testing/index.ts';

export type OrgNode = Static<typeof api.org.OrgNode>;
export type Application = Static<typeof api.join.ApplicationView>;
export type Me = Static<typeof api.auth.Me>;
export type AuditEntry = Static<typeof api.audit.AuditEntry>;
export type PersonRow = Static<typeof api.people.PersonRow>;
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; code: string; message: string }[];
}

/** Every route the contracts define, by `namespace.name`, so a new route joins the matrix by itself. */
export const ROUTES: [string, RouteDef][] = Object.entries(api).flatMap(([ns, mod]) =>
  Object.entries(mod as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'url' in v && 'method' in v && 'access' in v)
    .map(([name, v]) => [`${ns}.${name}`, v as RouteDef] as [string, RouteDef]),
);

/** Anything with the database handle: a TestApp or a Linli booted by hand. */
export type WithDb = Pick<TestApp, 'database'>;

export const PASSWORD = 'Linli@2026';
export const PHONES = {
  admin: '13800000001',
  dispatcher: '13800000002',
  secretaryA: '13800000003',
  gridWorkerA1: '13800000004',
  residentA: '13800000005',
  residentD: '13800000006',
  department: '13800000007',
  committeeA: '13800000008',
  gridWorkerA2: '13800000009',
  secretaryD: '13800000010',
  streetStaff: '13800000011',
  departmentJsw: '13800000012',
} as const;

let ipSeq = 0;
/** A distinct client address per sign-in, so the per-IP login limit never trips a test by accident. */
export const nextIp = () => {
  ipSeq++;
  return `10.200.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

/** Signed-in client for a phone (demo password by default), from its own IP address. */
export async function signIn(t: TestApp, phone: string, password = PASSWORD): Promise<TestClient> {
  const c = t.client();
  c.ip = nextIp();
  return c.login(phone, password);
}

export function expectProblem(res: TestResponse<unknown>, status: number, code: string, path?: string): Problem {
  expect(res.status, res.text).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = res.body as Problem;
  expect(p.code, res.text).toBe(code);
  if (path !== undefined) expect((p.errors ?? []).map((e) => e.path)).toContain(path);
  return p;
}

/** The demo district as the district admin sees it, with the nodes the tests talk about. */
export interface Demo {
  nodes: OrgNode[];
  byId: Map<string, OrgNode>;
  district: OrgNode;
  street1: OrgNode;
  street2: OrgNode;
  A: OrgNode;
  B: OrgNode;
  C: OrgNode;
  D: OrgNode;
  F: OrgNode;
  child(parent: OrgNode, name: string): OrgNode;
  under(node: OrgNode, type?: string): OrgNode[];
}

export async function loadDemo(t: TestApp, admin?: TestClient): Promise<Demo> {
  const c = admin ?? (await signIn(t, PHONES.admin));
  const res = await c.get<{ nodes: OrgNode[] }>('/api/org/tree?maxType=room');
  expect(res.status).toBe(200);
  const nodes = res.body.nodes;
  const byName = (name: string) => {
    const n = nodes.find((x) => x.name === name && x.type !== 'room');
    if (!n) throw new Error(`no node ${name}`);
    return n;
  };
  return {
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    district: byName('临江区'),
    street1: byName('青松街道'),
    street2: byName('白鹭镇'),
    A: byName('银杏社区'),
    B: byName('梧桐社区'),
    C: byName('香樟社区'),
    D: byName('海棠社区'),
    F: byName('桃源村'),
    child(parent, name) {
      const n = nodes.find((x) => x.parentId === parent.id && x.name === name);
      if (!n) throw new Error(`no ${name} under ${parent.name}`);
      return n;
    },
    under(node, type) {
      return nodes.filter((x) => x.path.startsWith(node.path) && x.id !== node.id && (!type || x.type === type));
    },
  };
}

/** Rooms of a community where nobody lives yet (so approving someone there starts a new household). */
export async function emptyRooms(t: WithDb, communityId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    SELECT n.id::text AS id FROM org_node n
    WHERE n.community_id = ${communityId} AND n.type = 'room'
      AND NOT EXISTS (SELECT 1 FROM household h WHERE h.address_node_id = n.id)
      AND NOT EXISTS (SELECT 1 FROM join_application a WHERE a.address_node_id = n.id)
    ORDER BY n.id`.execute(t.database.db);
  return r.rows.map((x) => x.id);
}

/** The community's current join token, read by a cadre who manages its link. */
export async function joinToken(cadre: TestClient, communityId: string): Promise<string> {
  const res = await cadre.get<{ token: string }>(`/api/communities/${communityId}/join-link`);
  expect(res.status, res.text).toBe(200);
  return res.body.token;
}

export interface ApplyBody {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
  addressNodeId?: string;
  addressText?: string;
}

let applicantSeq = 0;
/** A valid, unique application body (its own phone and ID number). */
export function applicant(over: Partial<ApplyBody> & Record<string, unknown> = {}): ApplyBody {
  applicantSeq++;
  return {
    name: `申请人${applicantSeq}`,
    idNumber: makeIdNumber('110101', '19880101', applicantSeq),
    phone: `1360000${String(applicantSeq).padStart(4, '0')}`,
    password: 'Apply#2026x',
    ...over,
  };
}

/** Row counts (and version sums) of every table a request could write. */
export async function dbState(t: WithDb): Promise<Record<string, number>> {
  const r = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM app_user) AS users,
    (SELECT count(*) FROM user_session) AS sessions,
    (SELECT count(*) FROM role_grant) AS grants,
    (SELECT count(*) FROM org_node) AS nodes,
    (SELECT coalesce(sum(version), 0) FROM org_node) AS node_versions,
    (SELECT count(*) FROM join_application) AS applications,
    (SELECT coalesce(sum(version), 0) FROM join_application) AS application_versions,
    (SELECT count(*) FROM join_link) AS links,
    (SELECT count(*) FROM household) AS households,
    (SELECT count(*) FROM person) AS persons,
    (SELECT count(*) FROM audit_log) AS audit,
    (SELECT count(*) FROM outbox) AS events`.execute(t.database.db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** Runs a request that must fail and checks it left every table exactly as it was. */
export async function nothingWritten<T>(t: WithDb, fn: () => Promise<T>): Promise<T> {
  const before = await dbState(t);
  const out = await fn();
  expect(await dbState(t)).toEqual(before);
  return out;
}

/** Audit entries as the district admin finds them (newest first). */
export async function auditSearch(admin: TestClient, query: Record<string, string>): Promise<AuditEntry[]> {
  const qs = new URLSearchParams({ limit: '200', ...query }).toString();
  const res = await admin.get<Page<AuditEntry>>(`/api/audit?${qs}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}
