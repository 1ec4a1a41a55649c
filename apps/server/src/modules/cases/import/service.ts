/**
 * 12345 hotline imports: upload (parse, keep the file, answer a preview and a suggested mapping), then run
 * (check every row; create one hotline case per valid row through `createCaseRecord`, in this request's
 * transaction, skipping orders already imported). A dry run checks the same and writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { api, type Role, reachOf } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { DomainEvent } from '../../../platform/outbox/outbox.ts';
import * as categories from '../../categories/service.ts';
import * as org from '../../org/service.ts';
import { activeCategory, createCaseRecord, invalid, type Place, placeOf } from '../intake.ts';
import type { CategoryInfo } from '../projection.ts';
import { categoryInfo } from '../store.ts';
import { getFile, putFile } from './files.ts';
import * as repo from './repository.ts';
import { categoryLookup, checkRow, communityLookup, type Order, type RowError } from './rows.ts';
import { detectType, type FileType, readSheet, type Sheet, SheetError } from './sheet.ts';
import { suggestMapping } from './suggest.ts';

type Preview = Static<typeof api.caseImports.ImportPreview>;
type Report = Static<typeof api.caseImports.ImportReport>;
type RunBody = Static<typeof api.caseImports.runImport.body>;

const sheetProblem = (e: SheetError) => new AppError(422, 'validation_failed', {}, [{ path: '/file', code: e.code }]);
const unsupported = () => new AppError(415, 'unsupported_media_type');

/** A parsed upload, or why it was refused; null when there was no file body (the platform answers). */
export type Prepared = { sheet: Sheet; type: FileType; hash: string; bytes: Buffer } | { refused: AppError } | null;

/** Parsing up to 10 MB is CPU work: done in the route's `before` step, outside the transaction (ADR 5). */
export async function prepare(body: unknown): Promise<Prepared> {
  if (!Buffer.isBuffer(body) || body.length === 0) return null;
  const type = detectType(body);
  try {
    const sheet = await readSheet(body, type);
    return { sheet, type, hash: createHash('sha256').update(body).digest('hex'), bytes: body };
  } catch (e) {
    if (e instanceof SheetError) return { refused: sheetProblem(e) };
    throw e;
  }
}

const declaredType = (ctx: Ctx): FileType | null => {
  const t = (ctx.reply.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return t === api.caseImports.CSV_TYPE ? 'csv' : t === api.caseImports.XLSX_TYPE ? 'xlsx' : null;
};

/** POST /api/case-imports: keeps the file for the run and answers what the mapping step needs. */
export async function upload(ctx: Ctx, pre: Prepared): Promise<Preview> {
  if (!pre) throw unsupported();
  if ('refused' in pre) throw pre.refused;
  // A workbook sent as text/csv (or text as a workbook) is not what the client believes it sends.
  if (declaredType(ctx) !== pre.type) throw unsupported();
  const id = randomUUID();
  await putFile(ctx.config.dataDir, pre.hash, pre.bytes);
  const { headers, rows } = pre.sheet;
  await repo.insertImport(ctx.tx, {
    id,
    uploadedBy: ctx.user!.id,
    fileHash: pre.hash,
    fileType: pre.type,
    fileSize: pre.bytes.length,
    rowCount: rows.length,
    headers,
    at: ctx.now,
  });
  await ctx.audit({
    action: 'case.import.upload',
    resourceType: 'case_import',
    resourceId: id,
    detail: { type: pre.type, size: pre.bytes.length, rows: rows.length, sha256: pre.hash },
  });
  return {
    id,
    headers,
    sampleRows: rows.slice(0, 5).map((r) => r.cells),
    rowCount: rows.length,
    suggestedMapping: suggestMapping(headers),
  };
}

/** The street to import into: 404 outside the caller's reach, 422 when the node is not a street. */
async function targetStreet(ctx: Ctx, streetId: string) {
  const street = await org.getNode(ctx.tx, streetId);
  if (!street || !ctx.can('case.import', street.path)) throw notFound();
  if (street.type !== 'street') throw invalid('/streetId', 'not_found');
  return street;
}

async function readUpload(ctx: Ctx, id: string, mapping: RunBody['mapping']): Promise<{ sheet: Sheet; hash: string }> {
  const row = await repo.importOf(ctx.tx, id, ctx.user!.id);
  const bytes = row && (await getFile(ctx.config.dataDir, row.file_hash));
  if (!row || !bytes) throw notFound();
  let sheet: Sheet;
  try {
    sheet = await readSheet(bytes, row.file_type as FileType);
  } catch (e) {
    throw e instanceof SheetError ? sheetProblem(e) : e;
  }
  const missing = Object.entries(mapping).filter(([, h]) => h !== undefined && !sheet.headers.includes(h));
  if (missing.length)
    throw new AppError(
      422,
      'validation_failed',
      {},
      missing.map(([f]) => ({ path: `/mapping/${f}`, code: 'not_found' })),
    );
  return { sheet, hash: row.file_hash };
}

/** POST /api/case-imports/:id/run */
export async function run(ctx: Ctx, id: string, b: RunBody): Promise<Report> {
  const street = await targetStreet(ctx, b.streetId);
  const fallback = await activeCategory(ctx.tx, b.defaultCategoryId, '/defaultCategoryId');
  const { sheet, hash } = await readUpload(ctx, id, b.mapping);
  const communities = (await repo.communitiesOf(ctx.tx, street.path)).filter((c) => ctx.can('case.import', c.path));
  const cats = (await categories.allCategories(ctx.tx)).filter((c) => c.active);
  const noCol = sheet.headers.indexOf(b.mapping.externalNo);
  const seen = await repo.existingOrders(
    ctx.tx,
    communities.map((c) => c.id),
    [...new Set(sheet.rows.map((r) => r.cells[noCol]!).filter(Boolean))],
  );
  const rowCtx = {
    headers: sheet.headers,
    mapping: b.mapping,
    community: communityLookup(communities),
    category: categoryLookup(cats),
    seen,
  };
  const errors: RowError[] = [];
  const orders: Order[] = [];
  for (const r of sheet.rows) {
    const out = checkRow(rowCtx, r);
    if (Array.isArray(out)) errors.push(...out);
    else orders.push(out);
  }
  const duplicates = errors.filter((e) => e.code === 'duplicate').length;
  const report: Report = {
    total: sheet.rows.length,
    created: orders.length,
    duplicates,
    errors,
    caseIds: [],
    dryRun: !!b.dryRun,
  };
  if (b.dryRun) return report;

  report.caseIds = await createCases(ctx, street.path, orders, fallback);
  const counts = {
    total: report.total,
    created: report.created,
    duplicates,
    failed: report.total - report.created - duplicates,
  };
  await repo.recordRun(ctx.tx, id, street.id, counts, ctx.now);
  await ctx.audit({
    action: 'case.import',
    resourceType: 'case_import',
    resourceId: id,
    nodeId: street.id,
    nodePath: street.path,
    detail: { ...counts, sha256: hash },
  });
  return report;
}

/** One hotline case per order, at the street whatever the category says (the hotline dispatched it there). */
async function createCases(ctx: Ctx, streetPath: string, orders: readonly Order[], fallback: CategoryInfo) {
  const grant = ctx.grants.find((g) => streetPath.startsWith(g.path) && reachOf(g.role as Role, 'case.import'));
  const places = new Map<string, Place>();
  const cats = new Map<string, CategoryInfo>([[fallback.id, fallback]]);
  const ids: string[] = [];
  // The domain events of every case (created, SLA checks) go to the outbox together at the end.
  const events: DomainEvent[] = [];
  const env = { tx: ctx.tx, now: ctx.now, keys: ctx.keys, emit: async (e: DomainEvent) => void events.push(e) };
  for (const o of orders) {
    const place = places.get(o.communityId) ?? (await placeOf(ctx.tx, o.communityId))!;
    places.set(o.communityId, place);
    const catId = o.categoryId ?? fallback.id;
    const category = cats.get(catId) ?? (await categoryInfo(ctx.tx, catId))!;
    cats.set(catId, category);
    const saved = await createCaseRecord(env, {
      place,
      category,
      source: 'hotline',
      level: 'street',
      externalNo: o.externalNo,
      description: o.description,
      address: o.address,
      contact: o.contact,
      reporterIds: [],
      createdBy: ctx.user!.id,
      role: (grant?.role as Role | undefined) ?? 'system',
    });
    ids.push(saved.row.id);
  }
  await repo.insertEvents(ctx.tx, ctx.now, events);
  return ids;
}
