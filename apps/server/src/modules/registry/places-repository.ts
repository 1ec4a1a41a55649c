/** Organisations in the community and compound profiles (0061): the only SQL over their tables. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { under } from './outreach-repository.ts';

export interface Entrance {
  name: string;
  hours: string | null;
  guarded: boolean;
  vehicles: boolean;
}
export interface Facility {
  kind: string;
  count: number;
  notes: string | null;
}
export interface Provider {
  name: string;
  service: string;
  contactName: string | null;
  phone: string | null;
}

export type PlaceTables = {
  registry_organisation: {
    community_id: string;
    id: string;
    kind: string;
    name: string;
    credit_code: string | null;
    node_id: string;
    address: string | null;
    contact_name: string | null;
    contact_phone: string | null;
    employees: number | null;
    party_org: boolean;
    notes: string | null;
    status: string;
    created_by: string | null;
    created_at: Date;
    updated_by: string | null;
    updated_at: Date;
    version: number;
  };
  registry_compound: {
    community_id: string;
    node_id: string;
    management: string;
    company_name: string | null;
    contact_name: string | null;
    contact_phone: string | null;
    // Written as JSON text, read back parsed.
    entrances: Entrance[] | string;
    facilities: Facility[] | string;
    providers: Provider[] | string;
    notes: string | null;
    updated_by: string | null;
    updated_by_name: string | null;
    updated_at: Date;
    version: number;
  };
};
type OrgRow = PlaceTables['registry_organisation'];
const r = (tx: Db) => tx.withTables<PlaceTables>();

const ORG_COLUMNS = [
  'o.community_id',
  'o.id',
  'o.kind',
  'o.name',
  'o.credit_code',
  'o.node_id',
  'o.address',
  'o.contact_name',
  'o.contact_phone',
  'o.employees',
  'o.party_org',
  'o.notes',
  'o.status',
  'o.updated_at',
  'o.version',
  'n.path',
  'c.name as community_name',
] as const;

const orgs = (tx: Db) =>
  r(tx)
    .selectFrom('registry_organisation as o')
    .innerJoin('org_node as n', 'n.id', 'o.node_id')
    .innerJoin('org_node as c', 'c.id', 'o.community_id');

export type OrganisationRow = Awaited<ReturnType<typeof organisationById>> & object;

export const organisationById = (tx: Db, id: string) =>
  orgs(tx).select(ORG_COLUMNS).where('o.id', '=', id).executeTakeFirst();

/** `%text%` for LIKE with the wildcards in the text taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function organisationsIn(
  tx: Db,
  scopes: string[],
  f: { q?: string; kind?: string; status?: string; limit: number; offset: number },
) {
  let base = orgs(tx).where(under('n.path', scopes));
  if (f.kind) base = base.where('o.kind', '=', f.kind);
  if (f.status) base = base.where('o.status', '=', f.status);
  const q = f.q?.trim();
  if (q)
    base = base.where((eb) => eb.or([eb('o.name', 'ilike', contains(q)), eb('o.credit_code', '=', q.toUpperCase())]));
  const [rows, total] = await Promise.all([
    base
      .select(ORG_COLUMNS)
      .orderBy('o.status')
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const organisationWithCode = (tx: Db, communityId: string, code: string) =>
  r(tx)
    .selectFrom('registry_organisation')
    .select('id')
    .where('community_id', '=', communityId)
    .where('credit_code', '=', code)
    .executeTakeFirst();

export const insertOrganisation = (tx: Db, row: Insertable<OrgRow>) =>
  r(tx).insertInto('registry_organisation').values(row).execute();

/** Compare-and-set on `version`; false when someone else changed it first. */
export async function updateOrganisation(
  tx: Db,
  key: { community_id: string; id: string },
  version: number,
  set: Updateable<OrgRow>,
) {
  const res = await r(tx)
    .updateTable('registry_organisation')
    .set({ ...set, version: version + 1 })
    .where('community_id', '=', key.community_id)
    .where('id', '=', key.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteOrganisation(tx: Db, key: { community_id: string; id: string }, version: number) {
  const res = await r(tx)
    .deleteFrom('registry_organisation')
    .where('community_id', '=', key.community_id)
    .where('id', '=', key.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Active organisations at each node or below it, counted within the node's community, in one statement. */
export async function activeOrganisationsUnder(tx: Db, nodes: { community_id: string; path: string }[]) {
  if (nodes.length === 0) return new Map<string, number>();
  const rows = await sql<{ path: string; n: string }>`
    SELECT x.path, (SELECT count(*) FROM registry_organisation o JOIN org_node n ON n.id = o.node_id
      WHERE o.community_id = x.community_id AND o.status = 'active' AND n.path LIKE x.path || '%') AS n
    FROM unnest(${nodes.map((n) => n.path)}::text[], ${nodes.map((n) => n.community_id)}::bigint[])
      AS x(path, community_id)`.execute(tx);
  return new Map(rows.rows.map((r) => [r.path, Number(r.n)]));
}

const COMPOUND_COLUMNS = [
  'p.community_id',
  'p.node_id',
  'p.management',
  'p.company_name',
  'p.contact_name',
  'p.contact_phone',
  'p.entrances',
  'p.facilities',
  'p.providers',
  'p.notes',
  'p.updated_by_name',
  'p.updated_at',
  'p.version',
] as const;

export const compoundOf = (tx: Db, communityId: string, nodeId: string) =>
  r(tx)
    .selectFrom('registry_compound as p')
    .select(COMPOUND_COLUMNS)
    .where('p.community_id', '=', communityId)
    .where('p.node_id', '=', nodeId)
    .executeTakeFirst();

export type CompoundRow = NonNullable<Awaited<ReturnType<typeof compoundOf>>>;

export async function compoundsIn(tx: Db, scopes: string[], limit: number, offset: number) {
  const base = r(tx)
    .selectFrom('registry_compound as p')
    .innerJoin('org_node as n', 'n.id', 'p.node_id')
    .where(under('n.path', scopes));
  const [rows, total] = await Promise.all([
    base
      .select([...COMPOUND_COLUMNS, 'n.path', 'n.name'])
      .orderBy('n.path')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

type CompoundWrite = Omit<PlaceTables['registry_compound'], 'version' | 'entrances' | 'facilities' | 'providers'> & {
  entrances: Entrance[];
  facilities: Facility[];
  providers: Provider[];
};

/** Insert at version 1 (expected 0) or compare-and-set; false when the version did not match. */
export async function saveCompound(tx: Db, row: CompoundWrite, expected: number) {
  const json = {
    entrances: JSON.stringify(row.entrances),
    facilities: JSON.stringify(row.facilities),
    providers: JSON.stringify(row.providers),
  };
  if (expected === 0) {
    const res = await r(tx)
      .insertInto('registry_compound')
      .values({ ...row, ...json, version: 1 })
      .onConflict((oc) => oc.columns(['community_id', 'node_id']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const { community_id, node_id, ...set } = row;
  const res = await r(tx)
    .updateTable('registry_compound')
    .set({ ...set, ...json, version: expected + 1 })
    .where('community_id', '=', community_id)
    .where('node_id', '=', node_id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
