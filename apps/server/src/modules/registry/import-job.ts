/**
 * Runs an import batch by batch while reading the file as a stream. valid_only: each batch is checked and
 * written in its own transaction, which also records the errors it found and moves `rows_done` on, so a
 * crash loses at most the batch in flight and the next worker resumes after the last committed row.
 * all_or_nothing: a first pass checks and stages every row the same way; only when no row failed does a
 * second pass write the staged rows, all in one transaction (a crash there writes nothing; it is redone).
 * Short files run the same code inside the run request's transaction.
 */
import { randomUUID } from 'node:crypto';
import { can } from '@linli/contracts';
import { sql } from 'kysely';
import { actorOf, loadGrants } from '../../platform/access/actor.ts';
import { type AuditInput, writeAudit } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { contentPath } from '../../platform/files/content-files.ts';
import type { Job } from '../../platform/modules.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { type FileType, SheetError, type SheetRow } from '../cases/import/sheet.ts';
import * as org from '../org/service.ts';
import { applyPlan, dedupeBatch, type Prepared, planBatch, prepareBatch, type Run } from './import-batch.ts';
import { Places } from './import-places.ts';
import * as repo from './import-repository.ts';
import type { Mapping, RowError } from './import-rows.ts';
import { openSheet } from './import-stream.ts';

export const BATCH_ROWS = Number(process.env.LINLI_IMPORT_BATCH_ROWS) || 2000;
const LEASE_MS = 60_000;
/** Rows written before an import first refreshes the planner's statistics (then at every doubling). */
const ANALYZE_AFTER = 20_000;

/** An import that wrote at least this many people ends with VACUUM (ANALYZE) of the tables it grew. */
const VACUUM_AFTER = 20_000;

/**
 * Import statements are plain index lookups and inserts: compiling their plans (JIT) never pays. A background
 * batch also commits without waiting for its WAL to reach the disk (synchronous_commit off): a batch lost to a
 * power cut within that window (a fraction of a second) takes its `rows_done` with it, so the job simply redoes
 * it — the resume the lease already provides. A run inside a request keeps the durable commit it answers after.
 */
const tune = (tx: Db, durable: boolean) =>
  durable
    ? sql`SET LOCAL jit = off`.execute(tx)
    : sql`SELECT set_config('jit', 'off', true), set_config('synchronous_commit', 'off', true)`.execute(tx);
const MAX_ATTEMPTS = 5;

/** Another worker took the import over (this one was presumed dead): stop without writing. */
class LostLease extends Error {}
/** all_or_nothing's writing pass met a row it cannot write: the transaction rolls back. */
class ApplyFailed extends Error {
  constructor(readonly errors: RowError[]) {
    super('apply_failed');
  }
}

export interface Options {
  /** Run inside this transaction (the run request's) instead of one transaction per batch. */
  inline?: { tx: Db; audit: (e: AuditInput) => Promise<void> };
  /** Called after each committed batch (tests stop a run here as a crash would). */
  afterBatch?: (rowsDone: number) => Promise<void> | void;
}

export const fileOf = (dataDir: string, hash: string) => contentPath(`${dataDir}/imports`, hash);

/** Imports one claimed job to its end (or until it fails, or `afterBatch` throws). */
export async function processImport(db: Db, p: Platform, job: repo.ImportRow, owner: string, opts: Options = {}) {
  const unit = <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
    opts.inline ? fn(opts.inline.tx) : db.transaction().execute(fn);
  const lease = () => new Date(p.clock.now().getTime() + LEASE_MS);
  const setup = await unit(async (tx) => {
    const grants = await loadGrants(tx, job.uploaded_by);
    const user = await sql<{ name: string }>`SELECT name FROM app_user WHERE id = ${job.uploaded_by}`.execute(tx);
    const node = await org.getNode(tx, job.node_id!);
    return { grants, name: user.rows[0]?.name ?? '', node: node! };
  });
  const actor = actorOf(job.uploaded_by, setup.grants);
  const run: Run = {
    id: job.id,
    headers: job.headers as string[],
    mapping: job.mapping as Mapping,
    places: new Places(setup.node, actor),
    keys: p.keys,
    now: p.clock.now(),
    user: { id: job.uploaded_by, name: setup.name },
  };
  const role = setup.grants.find((g) => can(actorOf('', [g]), 'registry.edit', { path: setup.node.path }))?.role;
  const audit = (tx: Db, e: AuditInput) =>
    opts.inline
      ? opts.inline.audit(e)
      : writeAudit(
          tx,
          {
            at: run.now,
            actorId: run.user.id,
            actorName: run.user.name,
            actorRole: role ?? null,
            ip: null,
            requestId: null,
          },
          e,
        );
  const progress: repo.Progress = {
    rowsDone: job.rows_done,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
  };
  const writes = !job.dry_run;
  const staging = writes && job.mode === 'all_or_nothing';

  const done = async (tx: Db, written: boolean, failure?: string) => {
    const result = { total: job.row_count, ...progress, mode: job.mode, dryRun: job.dry_run };
    await repo.finish(tx, job.id, { written, at: run.now, result, failure });
    await audit(tx, {
      action: job.dry_run ? 'registry.import.dry_run' : 'registry.import.run',
      resourceType: 'registry_import',
      resourceId: job.id,
      nodeId: setup.node.id,
      nodePath: setup.node.path,
      detail: { ...result, errors: progress.failed, written, ...(failure ? { failure } : {}) },
    });
    if (written && progress.created + progress.updated > 0)
      await emitEvent(tx, run.now, {
        topic: 'registry.import.done',
        payload: { importId: job.id, nodeId: setup.node.id, created: progress.created, updated: progress.updated },
        communityId: setup.node.type === 'community' ? setup.node.id : null,
      });
    await repo.clearWork(tx, job.id, false);
  };

  // The tables an import grows keep the statistics of their size before it: the planner then reads all of
  // person to look up a batch's ID numbers (and costs a plan high enough to JIT-compile it), and each batch
  // takes longer than the one before. Fresh statistics whenever this import has doubled what it wrote.
  let analyzedAt = 0;
  const analyzeWhileGrowing = async (on: Db = db) => {
    const written = progress.created + progress.updated;
    if (opts.inline || job.dry_run || written < Math.max(ANALYZE_AFTER, 2 * analyzedAt)) return;
    analyzedAt = written;
    await repo.analyzeRegistry(on);
  };

  // Once written, the new rows' pages are marked all-visible (policy counts then read the covering indexes
  // alone) and the planner sees the tables' new size at once. Outside any transaction; a failure is logged only.
  const vacuumIfGrown = async (thenFinish: boolean) => {
    if (opts.inline || job.dry_run || progress.created + progress.updated < VACUUM_AFTER) return;
    await repo.vacuumRegistry(db);
    // A long VACUUM may have outlived the lease: only the worker still holding it goes on to finish.
    if (thenFinish)
      await unit(async (tx) => {
        if (!(await repo.advance(tx, job.id, owner, progress, lease()))) throw new LostLease();
      });
  };

  if (job.phase === 'check') {
    let sheet: Awaited<ReturnType<typeof openSheet>>;
    const flush = async (batch: SheetRow[], prepared: Prepared) => {
      const next = { ...progress, rowsDone: batch.at(-1)!.n };
      await unit(async (tx) => {
        await tune(tx, !!opts.inline);
        run.now = p.clock.now();
        const { valid, errors } = dedupeBatch(prepared);
        const plan = await planBatch(tx, valid, prepared.known);
        errors.push(...plan.errors);
        if (writes && !staging) await applyPlan(tx, run, plan);
        if (staging) {
          const bad = new Set(plan.errors.map((e) => e.row));
          await repo.stage(
            tx,
            job.id,
            valid.filter((v) => !bad.has(v.row_n)),
          );
        }
        next.created += plan.creates.length;
        next.updated += plan.updates.length;
        next.unchanged += plan.unchanged;
        next.failed += new Set(errors.map((e) => e.row)).size;
        await repo.insertErrors(tx, job.id, errors);
        if (!(await repo.advance(tx, job.id, owner, next, lease()))) throw new LostLease();
      });
      Object.assign(progress, next);
      if (!staging) await analyzeWhileGrowing();
      await opts.afterBatch?.(progress.rowsDone);
    };
    // Two batches in flight: while one is written (its statements run in the database), the next is read
    // from the file and checked, encrypted and blind-indexed here, and its duplicate check and the lookup of
    // who is registered under its ID numbers run on a second connection (prepareBatch). Batches still commit one after another,
    // in file order, each planned against what the previous ones wrote.
    let writing: Promise<void> | undefined;
    const settle = async () => {
      const w = writing;
      writing = undefined;
      await w;
    };
    const push = async (batch: SheetRow[]) => {
      run.now = p.clock.now();
      const prepared = await prepareBatch(opts.inline?.tx ?? db, run, batch);
      await settle();
      writing = flush(batch, prepared);
      writing.catch(() => undefined); // awaited by the next push or at the end
      if (opts.inline) await settle(); // one transaction: its statements go one after another
    };
    try {
      sheet = await openSheet(fileOf(p.config.dataDir, job.file_hash!), job.file_type as FileType);
      let batch: SheetRow[] = [];
      for await (const r of sheet.rows) {
        if (r.n <= job.rows_done) continue;
        batch.push(r);
        if (batch.length >= BATCH_ROWS) {
          await push(batch);
          batch = [];
        }
      }
      if (batch.length) await push(batch);
      await settle();
    } catch (e) {
      await settle();
      if (!(e instanceof SheetError)) throw e;
      // A file that stops being readable part-way: what was written stays (valid_only); the report says why.
      if (!staging) await vacuumIfGrown(true);
      await unit((tx) => done(tx, writes && !staging && progress.rowsDone > 0, e.code));
      return;
    }
    if (!staging || progress.failed > 0) {
      if (!staging) await vacuumIfGrown(true); // before "done": whoever sees it done sees the statistics too
      await unit((tx) => done(tx, writes && (!staging || progress.failed === 0)));
      return;
    }
    Object.assign(progress, { rowsDone: 0, created: 0, updated: 0, unchanged: 0 });
    await unit(async (tx) => {
      if (!(await repo.advance(tx, job.id, owner, { ...progress, phase: 'apply' }, lease()))) throw new LostLease();
    });
  }

  // all_or_nothing, every row checked: write the staged rows in one transaction. The import row stays locked
  // by it (claims skip locked rows), so no other worker takes the import over while this one is alive.
  try {
    await unit(async (tx) => {
      if (!(await repo.advance(tx, job.id, owner, progress, lease()))) throw new LostLease();
      await tune(tx, !!opts.inline);
      const errors: RowError[] = [];
      let applied = 0;
      for (let after = 0; ; ) {
        const rows = await repo.staged(tx, job.id, after, BATCH_ROWS);
        if (rows.length === 0) break;
        run.now = p.clock.now();
        const plan = await planBatch(tx, rows);
        if (plan.errors.length) {
          errors.push(...plan.errors);
          break;
        }
        await applyPlan(tx, run, plan);
        applied++;
        progress.created += plan.creates.length;
        progress.updated += plan.updates.length;
        progress.unchanged += plan.unchanged;
        await analyzeWhileGrowing(tx); // in the writing transaction, which sees its own rows
        after = rows.at(-1)!.row_n;
        progress.rowsDone = after;
        await opts.afterBatch?.(after);
      }
      if (errors.length && applied > 0) throw new ApplyFailed(errors);
      if (errors.length) {
        progress.failed = new Set(errors.map((e) => e.row)).size;
        await repo.insertErrors(tx, job.id, errors);
      }
      progress.rowsDone = job.last_row ?? progress.rowsDone;
      await repo.advance(tx, job.id, owner, progress, lease());
      await done(tx, errors.length === 0);
    });
  } catch (e) {
    if (!(e instanceof ApplyFailed)) throw e;
    await unit(async (tx) => {
      Object.assign(progress, { created: 0, updated: 0, unchanged: 0 });
      progress.failed = new Set(e.errors.map((x) => x.row)).size;
      await repo.insertErrors(tx, job.id, e.errors);
      await done(tx, false);
    });
    return;
  }
  await vacuumIfGrown(false); // all_or_nothing wrote (and marked done) in one transaction: now committed
}

/** Works through queued imports (and those whose worker died) one after another. */
export async function runImports(db: Db, p: Platform, opts: Pick<Options, 'afterBatch'> = {}): Promise<number> {
  let handled = 0;
  for (;;) {
    const owner = randomUUID();
    const now = p.clock.now();
    const job = await db.transaction().execute((tx) => repo.claim(tx, owner, now, new Date(now.getTime() + LEASE_MS)));
    if (!job) return handled;
    handled++;
    try {
      await processImport(db, p, job, owner, opts);
    } catch (e) {
      if (e instanceof LostLease) continue;
      const retry = new Date(p.clock.now().getTime() + 30_000 * job.attempts);
      await db
        .transaction()
        .execute((tx) =>
          repo.backOff(
            tx,
            job.id,
            owner,
            retry,
            e instanceof Error ? e.message : String(e),
            job.attempts >= MAX_ATTEMPTS,
          ),
        );
      throw e;
    }
  }
}

export const importJob: Job = {
  name: 'registry.imports',
  everyMs: 2000,
  run: async (db, p) => {
    await runImports(db, p);
  },
};
