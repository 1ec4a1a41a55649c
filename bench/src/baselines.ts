import { verify } from '@node-rs/argon2';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

export interface BaselineInput {
  db: Db;
  /** The argon2id hash the demo accounts sign in with. */
  passwordHash: string;
  /** Path prefix the secretary's listing is scoped to (their community). */
  communityPath: string;
  /** Path prefix of the district admin's tree. */
  districtPath: string;
  /** Linli's own response bodies, served verbatim by the static routes. */
  listingBody: string;
  treeBody: string;
}

/** The listing's two queries (page + total) as plain SQL: same joins, scope filter and order. */
const FROM = sql`
  FROM join_application a
  JOIN org_node c ON c.id = a.community_id
  LEFT JOIN org_node addr ON addr.id = a.address_node_id
  LEFT JOIN app_user d ON d.id = a.decided_by`;

async function listing(db: Db, scope: string) {
  const where = sql`WHERE coalesce(addr.path, c.path) LIKE ${`${scope}%`} AND a.status = 'pending'`;
  const page = await sql`
    SELECT a.community_id, a.id, a.user_id, a.name, a.phone, a.id_masked, a.sex, a.birth_date,
      a.address_node_id, a.address_text, a.status, a.reason, a.decided_at, a.created_at, a.version,
      c.name AS community_name, d.name AS decided_by_name, coalesce(addr.path, c.path) AS path
    ${FROM} ${where}
    ORDER BY a.created_at DESC, a.id LIMIT 50`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n ${FROM} ${where}`.execute(db);
  return { items: page.rows, total: total.rows[0]!.n, limit: 50, offset: 0 };
}

/** The tree query: nodes in scope down to buildings, with their child counts. */
async function tree(db: Db, scope: string) {
  const r = await sql<{ id: string }>`
    SELECT n.id, n.parent_id AS "parentId", n.type, n.kind, n.name, n.code, n.path, n.depth, n.version,
      (SELECT count(*)::int FROM org_node c WHERE c.parent_id = n.id) AS "childCount"
    FROM org_node n
    WHERE n.path LIKE ${`${scope}%`} AND n.type IN ('district', 'street', 'community', 'grid', 'building')
    ORDER BY n.depth, n.sort_key, n.id LIMIT 5000`.execute(db);
  return { nodes: r.rows };
}

/**
 * A bare Fastify app in the same process doing only the essential work of each Linli route: no
 * plugins, sessions, access checks, transactions, audit or response schemas.
 */
export async function startBaselines(b: BaselineInput): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.post<{ Body: { password: string } }>('/login', async (req, reply) => {
    if (!(await verify(b.passwordHash, req.body.password))) return reply.code(401).send({ ok: false });
    return { ok: true };
  });
  app.get('/static/listing', (_req, reply) => reply.type('application/json').send(b.listingBody));
  app.get('/sql/listing', () => listing(b.db, b.communityPath));
  app.get('/static/tree', (_req, reply) => reply.type('application/json').send(b.treeBody));
  app.get('/sql/tree', () => tree(b.db, b.districtPath));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}
