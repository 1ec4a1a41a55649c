/**
 * Residents spreadsheet import: upload (one request up to 10 MB, or in parts of any length), then run: every
 * row checked, ID numbers upserted by blind index (new people created in their room's household, known ones
 * updated field by field with history), all-or-nothing or valid rows only; a dry run writes nothing. Short
 * files are imported within the run request; longer ones by the background job (import-job.ts), whose
 * progress the client polls. Files are read as streams: memory does not grow with the file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { putFile } from '../cases/import/files.ts';
import { detectType, type FileType, SheetError } from '../cases/import/sheet.ts';
import * as org from '../org/service.ts';
import { fileOf, processImport } from './import-job.ts';
import * as repo from './import-repository.ts';
import { suggestMapping } from './import-rows.ts';
import { sniffSheet } from './import-stream.ts';

type RunBody = Static<typeof api.registryImports.runRegistryImport.body>;
const { INLINE_IMPORT_ROWS } = api.registryImports;
const ERRORS_SHOWN = 500;

const declaredType = (ctx: Ctx): FileType | null => {
  const t = (ctx.reply.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return t === api.caseImports.CSV_TYPE ? 'csv' : t === api.caseImports.XLSX_TYPE ? 'xlsx' : null;
};
const fileProblem = (code: string) => new AppError(422, 'validation_failed', {}, [{ path: '/file', code }]);

export type Sniffed =
  | { hash: string; type: FileType; headers: string[]; sampleRows: string[][]; rowCount: number; lastRow: number }
  | { refused: AppError };

/** Stores a stored-to-be file by content and reads its header, a sample and its length: outside any transaction. */
export async function sniff(dataDir: string, body: unknown): Promise<Sniffed | null> {
  if (!Buffer.isBuffer(body) || body.length === 0) return null;
  const type = detectType(body);
  const hash = createHash('sha256').update(body).digest('hex');
  await putFile(dataDir, hash, body);
  return sniffStored(dataDir, hash, type);
}

async function sniffStored(dataDir: string, hash: string, type: FileType): Promise<Sniffed> {
  try {
    return { hash, type, ...(await sniffSheet(fileOf(dataDir, hash), type)) };
  } catch (e) {
    if (e instanceof SheetError) return { refused: fileProblem(e.code) };
    throw e;
  }
}

async function preview(ctx: Ctx, id: string, s: Extract<Sniffed, { hash: string }>) {
  await ctx.audit({
    action: 'registry.import.upload',
    resourceType: 'registry_import',
    resourceId: id,
    detail: { type: s.type, rows: s.rowCount, sha256: s.hash },
  });
  return {
    id,
    headers: s.headers,
    sampleRows: s.sampleRows,
    rowCount: s.rowCount,
    suggestedMapping: suggestMapping(s.headers),
  };
}

export async function upload(ctx: Ctx, pre: Sniffed | null) {
  if (!pre) throw new AppError(415, 'unsupported_media_type');
  if ('refused' in pre) throw pre.refused;
  if (declaredType(ctx) !== pre.type) throw new AppError(415, 'unsupported_media_type');
  const id = randomUUID();
  await repo.insertImport(ctx.tx, {
    id,
    by: ctx.user!.id,
    hash: pre.hash,
    type: pre.type,
    rows: pre.rowCount,
    lastRow: pre.lastRow,
    headers: pre.headers,
    at: ctx.now,
    status: 'uploaded',
  });
  return preview(ctx, id, pre);
}

const partFile = (dataDir: string, id: string) => join(dataDir, 'imports', 'parts', id);

/** One part of a large upload, written at its offset; the received size is compare-and-set (409 otherwise). */
export async function uploadPart(ctx: Ctx, q: { id?: string; offset: number }, body: Buffer) {
  const type = declaredType(ctx);
  if (!type) throw new AppError(415, 'unsupported_media_type');
  let id = q.id;
  if (!id) {
    if (q.offset !== 0) throw new AppError(409, 'upload_offset', { size: 0 });
    id = randomUUID();
    await repo.insertImport(ctx.tx, {
      id,
      by: ctx.user!.id,
      hash: null,
      type,
      rows: null,
      lastRow: null,
      headers: null,
      at: ctx.now,
      status: 'uploading',
    });
  } else {
    const up = await repo.importOf(ctx.tx, id, ctx.user!.id);
    if (up?.status !== 'uploading' || up.file_type !== type) throw notFound();
  }
  const size = q.offset + body.length;
  if (!(await repo.grow(ctx.tx, id, q.offset, size))) {
    const now = await repo.importOf(ctx.tx, id, ctx.user!.id);
    throw new AppError(409, 'upload_offset', { size: Number(now?.size ?? 0) });
  }
  const file = partFile(ctx.config.dataDir, id);
  await mkdir(dirname(file), { recursive: true });
  const fh = await open(file, q.offset === 0 ? 'w' : 'r+');
  try {
    await fh.write(body, 0, body.length, q.offset);
  } finally {
    await fh.close();
  }
  return { id, size };
}

/** Closes an upload in parts: the file moves into the content store and is read once for its preview. */
export async function finishUpload(ctx: Ctx, id: string) {
  const up = await repo.importOf(ctx.tx, id, ctx.user!.id);
  if (up?.status !== 'uploading') throw notFound();
  const file = partFile(ctx.config.dataDir, id);
  const size = Number(up.size);
  if (size === 0) throw new AppError(400, 'file_empty');
  // A part written by a request that then rolled back may lie beyond the size the database knows.
  if ((await stat(file)).size > size) await truncate(file, size);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (head.length === 0) head.push(chunk.subarray(0, 4));
    hash.update(chunk);
  }
  const digest = hash.digest('hex');
  if (detectType(head[0]!) !== up.file_type) throw new AppError(415, 'unsupported_media_type');
  const target = fileOf(ctx.config.dataDir, digest);
  await mkdir(dirname(target), { recursive: true });
  await rename(file, target).catch(async () => rm(file, { force: true }));
  const s = await sniffStored(ctx.config.dataDir, digest, up.file_type as FileType);
  if ('refused' in s) throw s.refused;
  await repo.setUploaded(ctx.tx, id, { hash: digest, rows: s.rowCount, lastRow: s.lastRow, headers: s.headers });
  return preview(ctx, id, s);
}

/** An import as the client sees it: progress, counts and the first errors. */
export async function statusOf(tx: Db, row: repo.ImportRow) {
  return {
    total: row.row_count ?? 0,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    errors: (await repo.errorsOf(tx, row.id, ERRORS_SHOWN)) as never,
    written: row.written,
    status: row.status as never,
    phase: row.phase as 'check' | 'apply',
    rowsDone: row.rows_done,
    lastRow: lastRowOf(row),
    failure: row.failure,
  };
}
// Row numbers are the file's (the header's row and blank rows count): progress is rowsDone of the last one.
const lastRowOf = (row: repo.ImportRow) => row.last_row ?? row.row_count ?? 0;

export async function get(ctx: Ctx, id: string) {
  const row = await repo.importOf(ctx.tx, id, ctx.user!.id);
  if (!row) throw notFound();
  return statusOf(ctx.tx, row);
}

export async function errors(ctx: Ctx, id: string, q: { offset?: number; limit?: number }) {
  const row = await repo.importOf(ctx.tx, id, ctx.user!.id);
  if (!row) throw notFound();
  const items = await repo.errorsOf(ctx.tx, id, q.limit ?? 200, q.offset ?? 0);
  return { items: items as never, total: await repo.errorCount(ctx.tx, id) };
}

export async function run(ctx: Ctx, id: string, b: RunBody) {
  const up = await repo.importOf(ctx.tx, id, ctx.user!.id);
  if (!up?.file_hash || up.status === 'uploading') throw notFound();
  const node = await org.getNode(ctx.tx, b.communityId);
  if (!node || !['community', 'street', 'district'].includes(node.type))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/communityId', code: 'not_found' }]);
  listingScope(ctx.actor, 'registry.edit', node); // 404 unless the caller may edit somewhere inside
  if (up.status === 'queued' || up.status === 'running') throw new AppError(409, 'import_running');
  const headers = up.headers as string[];
  const wanted = { ...b.mapping } as Record<string, string | undefined>;
  const missing = Object.entries(wanted).filter(([, h]) => h !== undefined && !headers.includes(h));
  if (node.type !== 'community' && !wanted.community) missing.push(['community', '']);
  if (missing.length)
    throw new AppError(
      422,
      'validation_failed',
      {},
      missing.map(([f, h]) => ({ path: `/mapping/${f}`, code: h === '' ? 'required' : 'not_found' })),
    );
  // The same settings after a failure resume where the job stopped; anything else starts again.
  const resume =
    up.status === 'failed' &&
    up.node_id === node.id &&
    up.mode === b.mode &&
    up.dry_run === !!b.dryRun &&
    JSON.stringify(up.mapping) === JSON.stringify(b.mapping);
  await repo.queue(ctx.tx, id, {
    nodeId: node.id,
    communityId: node.type === 'community' ? node.id : null,
    mapping: b.mapping,
    mode: b.mode,
    dryRun: !!b.dryRun,
    resume,
  });
  const inline = !b.background && (up.row_count ?? 0) <= INLINE_IMPORT_ROWS;
  if (!inline) {
    await ctx.audit({
      action: 'registry.import.queue',
      resourceType: 'registry_import',
      resourceId: id,
      nodeId: node.id,
      nodePath: node.path,
      detail: { mode: b.mode, dryRun: !!b.dryRun, rows: up.row_count, resume },
    });
    return statusOf(ctx.tx, (await repo.importById(ctx.tx, id))!);
  }
  const owner = randomUUID();
  const job = await repo.claim(ctx.tx, owner, ctx.now, new Date(ctx.now.getTime() + 60_000), id);
  await processImport(ctx.tx, ctx, job!, owner, { inline: { tx: ctx.tx, audit: ctx.audit } });
  const report = await statusOf(ctx.tx, (await repo.importById(ctx.tx, id))!);
  return { ...report, errors: (await repo.errorsOf(ctx.tx, id, INLINE_IMPORT_ROWS * 7)) as never };
}
