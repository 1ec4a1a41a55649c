import { ORG_NODE_TYPES, type OrgNodeType } from '@linli/contracts';
import { sql } from 'kysely';
import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';

export interface NodeRow {
  id: string;
  parent_id: string | null;
  type: string;
  kind: string | null;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  community_id: string | null;
  version: number;
  created_at: Date;
  child_count: number;
}

const COLUMNS = [
  'n.id',
  'n.parent_id',
  'n.type',
  'n.kind',
  'n.name',
  'n.code',
  'n.path',
  'n.depth',
  'n.community_id',
  'n.version',
  'n.created_at',
] as const;

const childCount = sql<number>`(SELECT count(*)::int FROM org_node c WHERE c.parent_id = n.id)`.as('child_count');

export const getNode = (tx: Db, id: string): Promise<NodeRow | undefined> =>
  tx
    .selectFrom('org_node as n')
    .select([...COLUMNS, childCount])
    .where('n.id', '=', id)
    .executeTakeFirst();

export const getNodes = (tx: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx.selectFrom('org_node as n').select(['n.id', 'n.name', 'n.type', 'n.path']).where('n.id', 'in', ids).execute();

export const childrenOf = (tx: Db, id: string): Promise<NodeRow[]> =>
  tx
    .selectFrom('org_node as n')
    .select([...COLUMNS, childCount])
    .where('n.parent_id', '=', id)
    .orderBy('n.sort_key')
    .orderBy('n.id')
    .execute();

/** Nodes inside the given scopes, down to a node type; the listing every tree view uses. */
export function nodesInScopes(tx: Db, scopes: string[], maxType: OrgNodeType, limit: number): Promise<NodeRow[]> {
  const types = ORG_NODE_TYPES.slice(0, ORG_NODE_TYPES.indexOf(maxType) + 1);
  return tx
    .selectFrom('org_node as n')
    .select([...COLUMNS, childCount])
    .where((eb) => pathIn(eb, 'n.path', scopes))
    .where('n.type', 'in', types)
    .orderBy('n.depth')
    .orderBy('n.sort_key')
    .orderBy('n.id')
    .limit(limit)
    .execute();
}

/** Every node below a path of the given types (address pickers, statistics). */
export const descendants = (tx: Db, path: string, types: readonly string[]) =>
  tx
    .selectFrom('org_node as n')
    .select(['n.id', 'n.parent_id', 'n.type', 'n.name', 'n.kind', 'n.path'])
    .where('n.path', 'like', `${path}%`)
    .where('n.path', '<>', path)
    .where('n.type', 'in', [...types])
    .orderBy('n.depth')
    .orderBy('n.sort_key')
    .orderBy('n.id')
    .execute();

export async function nextId(tx: Db): Promise<string> {
  const r = await sql<{ id: string }>`SELECT nextval('org_node_id_seq')::text AS id`.execute(tx);
  return r.rows[0]!.id;
}

export const codeTaken = async (tx: Db, code: string, exceptId?: string) =>
  !!(await tx
    .selectFrom('org_node')
    .select('id')
    .where('code', '=', code)
    .where('type', 'in', ['district', 'street', 'community', 'grid'])
    .$if(!!exceptId, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst());

export async function insertNode(
  tx: Db,
  n: Omit<NodeRow, 'version' | 'child_count' | 'created_at'> & { sort_key?: number },
  at: Date,
): Promise<void> {
  await tx
    .insertInto('org_node')
    .values({ ...n, sort_key: n.sort_key ?? 0, created_at: at, updated_at: at })
    .execute();
}

/** Optimistic update: only when the version still matches; returns false on a lost race. */
export async function updateNode(
  tx: Db,
  id: string,
  version: number,
  patch: { name?: string; code?: string | null },
  at: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('org_node')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const deleteNode = (tx: Db, id: string) => tx.deleteFrom('org_node').where('id', '=', id).execute();
