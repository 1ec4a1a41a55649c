/**
 * The intake baseline that does Linli's database work and nothing else: in one transaction, the rows one
 * report writes — the case (copied from the case Linli wrote for the same body, with a new id, number and
 * times), its first timeline entry, its reporter, the three outbox events (created, yellow and red checks)
 * and the audit entry. Columns come from the catalogue, so a column a later migration adds is copied too.
 */
import { randomUUID } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

/** Today in Asia/Shanghai as YYYYMMDD. */
const ymd = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
      AND identity_generation IS NULL
    ORDER BY ordinal_position`.execute(db);
  return rows.map((r) => r.name);
}

/** `INSERT INTO t (cols) SELECT cols-with-overrides FROM t WHERE <where>`. */
function copyRows(
  table: string,
  cols: string[],
  over: Record<string, RawBuilder<unknown>>,
  where: RawBuilder<unknown>,
) {
  const exprs = cols.map((c) => over[c] ?? sql.ref(c));
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
    SELECT ${sql.join(exprs)} FROM ${sql.table(table)} WHERE ${where}`;
}

export interface IntakeCopy {
  /** Writes one report's rows for this JSON body; returns the new case id. */
  write(body: { description: string }): Promise<string>;
}

export async function intakeCopier(db: Db, templateId: string): Promise<IntakeCopy> {
  const cols = {
    record: await columnsOf(db, 'case_record'),
    event: await columnsOf(db, 'case_event'),
    audit: await columnsOf(db, 'audit_log'),
  };
  const t = (
    await sql<{ community_id: string; created_by: string }>`
      SELECT community_id, created_by FROM case_record WHERE id = ${templateId}`.execute(db)
  ).rows[0]!;
  return {
    async write(body) {
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        const n = (await sql<{ n: string }>`SELECT nextval('case_no_seq')::text AS n`.execute(tx)).rows[0]!.n;
        const no = `${ymd()}${n.padStart(6, '0')}`; // as Linli numbers cases (more digits past 999,999)
        const now = sql`now()`;
        await copyRows(
          'case_record',
          cols.record,
          {
            id: sql`${id}::uuid`,
            no: sql`${no}`,
            description: sql`${body.description}`,
            search: sql`to_tsvector('simple', ${body.description})`,
            created_at: now,
            updated_at: now,
          },
          sql`community_id = ${t.community_id} AND id = ${templateId}`,
        ).execute(tx);
        await copyRows(
          'case_event',
          cols.event,
          { case_id: sql`${id}::uuid`, at: now },
          sql`community_id = ${t.community_id} AND case_id = ${templateId} AND version = 1`,
        ).execute(tx);
        await sql`INSERT INTO case_reporter (community_id, case_id, user_id, created_at)
          VALUES (${t.community_id}, ${id}, ${t.created_by}, now())`.execute(tx);
        for (const topic of ['case.created', 'case.sla', 'case.sla'])
          await sql`INSERT INTO outbox (topic, payload, community_id, created_at, available_at)
            VALUES (${topic}, ${JSON.stringify({ caseId: id, communityId: t.community_id })}::jsonb,
              ${t.community_id}, now(), now() + interval '1 day')`.execute(tx);
        await copyRows(
          'audit_log',
          cols.audit,
          { resource_id: sql`${id}`, at: now },
          sql`id = (SELECT max(id) FROM audit_log WHERE resource_id = ${templateId})`,
        ).execute(tx);
      });
      return id;
    },
  };
}
