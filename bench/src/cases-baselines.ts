/**
 * The bare routes the cases routes are compared with: a plain Fastify app in the same process, on the same
 * database pool, without plugins, sessions, access checks, transactions, audit or response schemas.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { IntakeCopy } from './cases-intake-copy.ts';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

/** What an inbox covers: the scope filter Linli builds (one equality per scope path) and the box's statuses. */
export interface InboxQuery {
  column: 'street_id' | 'community_id';
  ids: string[];
  statuses: string[];
}

export interface CaseBaselineInput {
  db: Db;
  /** Keyed like the routes: `/sql/inbox/<key>`. */
  inboxes: Record<string, InboxQuery>;
  /** Linli's own response bodies, served verbatim by `/static/<key>`. */
  bodies: Record<string, string>;
  /** What the bare intake routes answer (Linli's intake response body). */
  intakeBody: string;
  /** Writes the rows of one report, as Linli's intake does (`/intake/same-rows`). */
  intakeCopy: IntakeCopy;
}

export const INTAKE_TABLE = 'bench_intake';

/** `AND x.status IN (…)`, or nothing for a box of every status. */
export const statusIn = (statuses: string[]) =>
  statuses.length > 0 ? sql`AND x.status IN (${sql.join(statuses)})` : sql``;

type Named = { id: string; name: string };
type Row = Record<string, unknown> & {
  id: string;
  description: string;
  created_at: Date;
  state: { assignments: { departmentId: string; status: string }[] };
};

/**
 * Linli's inbox query as plain SQL: the same scope filter (one equality for one scope; for several, a
 * lateral join of one newest-first page per scope id, as Linli reads them), statuses, order and page size
 * (+1 to tell whether there is a next page), plus the names a summary shows (community, place, category,
 * departments).
 */
async function inbox(db: Db, q: InboxQuery) {
  const col = sql.ref(`x.${q.column}`);
  const page =
    q.ids.length === 1
      ? sql`SELECT * FROM case_record x WHERE ${col} = ${q.ids[0]} ${statusIn(q.statuses)}
          ORDER BY x.created_at DESC, x.id DESC LIMIT 31`
      : sql`SELECT p.* FROM unnest(${q.ids}::bigint[]) AS s(scope_id) CROSS JOIN LATERAL (
            SELECT * FROM case_record x WHERE ${col} = s.scope_id ${statusIn(q.statuses)}
            ORDER BY x.created_at DESC, x.id DESC LIMIT 31) p
          ORDER BY p.created_at DESC, p.id DESC LIMIT 31`;
  const { rows } = await sql<
    Row & { community_name: string; place_name: string; category_name: string; department_names: Named[] }
  >`
    SELECT r.*, c.name AS community_name, pl.name AS place_name, cat.name AS category_name,
      (SELECT coalesce(json_agg(json_build_object('id', d.id::text, 'name', d.name)), '[]'::json)
       FROM department d WHERE d.id IN (
         SELECT (a->>'departmentId')::bigint FROM jsonb_array_elements(r.state->'assignments') a)) AS department_names
    FROM (${page}) r
    JOIN org_node c ON c.id = r.community_id JOIN org_node pl ON pl.id = r.place_id
    JOIN case_category cat ON cat.id = r.category_id
    ORDER BY r.created_at DESC, r.id DESC`.execute(db);
  const items = rows.slice(0, 30).map((r) => {
    const names = new Map(r.department_names.map((d) => [d.id, d.name]));
    return {
      id: r.id,
      no: r.no,
      communityId: r.community_id,
      communityName: r.community_name,
      categoryId: r.category_id,
      categoryName: r.category_name,
      status: r.status,
      level: r.level,
      source: r.source,
      title: r.description.split('\n')[0],
      placeName: r.place_name,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      dueAt: r.due_at,
      urged: r.urged,
      departments: r.state.assignments.map((a) => ({ ...a, name: names.get(a.departmentId) ?? '' })),
      public: r.is_public,
      version: r.version,
    };
  });
  return { items, nextCursor: rows.length > 30 ? String(rows[29]!.id) : null };
}

/** The case page's essential reads: the row and its timeline. */
async function detail(db: Db, id: string) {
  const row = (await sql<Row & { community_id: string }>`SELECT * FROM case_record WHERE id = ${id}`.execute(db))
    .rows[0];
  if (!row) return null;
  const events = await sql`
    SELECT * FROM case_event WHERE community_id = ${row.community_id} AND case_id = ${id} ORDER BY version`.execute(db);
  const { search: _search, ...rest } = row;
  return { ...rest, timeline: events.rows };
}

export async function startCaseBaselines(b: CaseBaselineInput): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { key: string } }>('/static/:key', (req, reply) =>
    reply.type('application/json').send(b.bodies[req.params.key]),
  );
  app.get<{ Params: { key: string } }>('/sql/inbox/:key', (req) => inbox(b.db, b.inboxes[req.params.key]!));
  app.get<{ Params: { id: string } }>('/sql/case/:id', async (req, reply) => {
    const found = await detail(b.db, req.params.id);
    return found ?? reply.code(404).send({ code: 'not_found' });
  });
  // Intake: parse the same JSON body, then insert it as one row (one autocommitted statement) …
  app.post('/intake/insert', async (req, reply) => {
    await sql`INSERT INTO ${sql.table(INTAKE_TABLE)} (id, body, created_at)
      VALUES (gen_random_uuid(), ${JSON.stringify(req.body)}::jsonb, now())`.execute(b.db);
    return reply.code(201).type('application/json').send(b.intakeBody);
  });
  // … or write the rows Linli's intake writes, in one transaction …
  app.post<{ Body: { description: string } }>('/intake/same-rows', async (req, reply) => {
    await b.intakeCopy.write(req.body);
    return reply.code(201).type('application/json').send(b.intakeBody);
  });
  // … or only answer 201 with Linli's response body (the HTTP + JSON floor).
  app.post('/intake/static', (_req, reply) => reply.code(201).type('application/json').send(b.intakeBody));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}
