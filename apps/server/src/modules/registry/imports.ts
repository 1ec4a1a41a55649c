/**
 * Residents spreadsheet import: upload (parsed outside the transaction, kept as a file), then run: every row
 * checked, ID numbers upserted by blind index (new people created in their room's household, known ones
 * updated field by field with history), all-or-nothing or valid rows only; a dry run writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { blindIndex } from '../../platform/crypto/secret-box.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { getFile, putFile } from '../cases/import/files.ts';
import type { Prepared } from '../cases/import/service.ts';
import { type FileType, readSheet, SheetError } from '../cases/import/sheet.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import { protectIdNumber } from '../residents/service.ts';
import * as repo from './import-repository.ts';
import { checkRow, type ImportRow, type RowError, roomKeys, suggestMapping } from './import-rows.ts';
import { addressOf, recordChanges } from './people.ts';

type RunBody = Static<typeof api.registryImports.runRegistryImport.body>;

const declaredType = (ctx: Ctx): FileType | null => {
  const t = (ctx.reply.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return t === api.caseImports.CSV_TYPE ? 'csv' : t === api.caseImports.XLSX_TYPE ? 'xlsx' : null;
};

export async function upload(ctx: Ctx, pre: Prepared) {
  if (!pre) throw new AppError(415, 'unsupported_media_type');
  if ('refused' in pre) throw pre.refused;
  if (declaredType(ctx) !== pre.type) throw new AppError(415, 'unsupported_media_type');
  const id = randomUUID();
  await putFile(ctx.config.dataDir, pre.hash, pre.bytes);
  const { headers, rows } = pre.sheet;
  await repo.insertImport(ctx.tx, {
    id,
    by: ctx.user!.id,
    hash: pre.hash,
    type: pre.type,
    rows: rows.length,
    headers,
    at: ctx.now,
  });
  await ctx.audit({
    action: 'registry.import.upload',
    resourceType: 'registry_import',
    resourceId: id,
    detail: { type: pre.type, rows: rows.length, sha256: pre.hash },
  });
  return {
    id,
    headers,
    sampleRows: rows.slice(0, 5).map((r) => r.cells),
    rowCount: rows.length,
    suggestedMapping: suggestMapping(headers),
  };
}

/** Rooms of the community the caller may edit, by every way their name may be written. */
async function roomsOf(ctx: Ctx, community: { path: string }) {
  const nodes = await org.descendants(ctx.tx, community.path, ['grid', 'building', 'unit', 'room']);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rooms = new Map<string, string>();
  const info = new Map<string, { path: string; name: string; type: string }>();
  for (const n of nodes.filter((x) => x.type === 'room' && ctx.can('registry.edit', x.path))) {
    const names: string[] = [];
    for (let x: typeof n | undefined = n; x && x.type !== 'grid'; x = x.parent_id ? byId.get(x.parent_id) : undefined)
      names.unshift(x.name);
    for (const k of roomKeys(names)) rooms.set(k, n.id);
    info.set(n.id, n);
  }
  return { rooms, info };
}

export async function run(ctx: Ctx, id: string, b: RunBody) {
  const upload = await repo.importOf(ctx.tx, id, ctx.user!.id);
  const bytes = upload && (await getFile(ctx.config.dataDir, upload.file_hash));
  if (!upload || !bytes) throw notFound();
  const community = await org.getNode(ctx.tx, b.communityId);
  if (community?.type !== 'community')
    throw new AppError(422, 'validation_failed', {}, [{ path: '/communityId', code: 'not_found' }]);
  listingScope(ctx.actor, 'registry.edit', community); // 404 unless the caller may edit somewhere inside
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(bytes, upload.file_type as FileType);
  } catch (e) {
    if (e instanceof SheetError) throw new AppError(422, 'validation_failed', {}, [{ path: '/file', code: e.code }]);
    throw e;
  }
  const missing = Object.entries(b.mapping).filter(([, h]) => h !== undefined && !sheet.headers.includes(h));
  if (missing.length)
    throw new AppError(
      422,
      'validation_failed',
      {},
      missing.map(([f]) => ({ path: `/mapping/${f}`, code: 'not_found' })),
    );

  const { rooms, info } = await roomsOf(ctx, community);
  const errors: RowError[] = [];
  const valid: (ImportRow & { blind: string })[] = [];
  const seen = new Set<string>();
  for (const r of sheet.rows) {
    const cells = Object.fromEntries(sheet.headers.map((h, i) => [h, r.cells[i] ?? '']));
    const checked = checkRow(cells, r.n, b.mapping, rooms, ctx.now);
    if (Array.isArray(checked)) {
      errors.push(...checked);
      continue;
    }
    const blind = blindIndex(ctx.keys, checked.idNumber);
    if (seen.has(blind)) {
      errors.push({ row: r.n, field: 'idNumber', code: 'duplicate' });
      continue;
    }
    seen.add(blind);
    valid.push({ ...checked, blind });
  }
  const known = new Map(
    (
      await records.peopleByBlinds(
        ctx.tx,
        valid.map((v) => v.blind),
      )
    ).map((p) => [p.id_blind, p]),
  );
  const households = await records.householdsOfRooms(ctx.tx, community.id, [...new Set(valid.map((v) => v.roomId))]);
  const roomHousehold = new Map<string, { id: string | null; hasHead: boolean }>();
  for (const h of households)
    if (!roomHousehold.has(h.address_node_id!))
      roomHousehold.set(h.address_node_id!, { id: h.id, hasHead: !!h.has_head });

  type Plan = { kind: 'create' | 'update' | 'same'; row: (typeof valid)[number]; relation: string };
  const plans: Plan[] = [];
  for (const v of valid) {
    const p = known.get(v.blind);
    if (p && p.community_id !== community.id)
      errors.push({ row: v.row, field: 'idNumber', code: 'registered_elsewhere' });
    else if (p && p.address_node_id !== v.roomId)
      errors.push({ row: v.row, field: 'room', code: 'conflicting_household' });
    else if (p) {
      const changed =
        v.name !== p.name ||
        (v.phone !== null && v.phone !== p.phone) ||
        (v.residence !== null && v.residence !== p.residence_status) ||
        (v.relation !== null && v.relation !== p.relation);
      plans.push({ kind: changed ? 'update' : 'same', row: v, relation: v.relation ?? p.relation });
    } else {
      const h = roomHousehold.get(v.roomId) ?? { id: null, hasHead: false };
      const relation = v.relation ?? (h.hasHead ? 'member' : 'head');
      if (relation === 'head' && h.hasHead) {
        errors.push({ row: v.row, field: 'relation', code: 'head_exists' });
        continue;
      }
      if (relation === 'head') h.hasHead = true;
      roomHousehold.set(v.roomId, h);
      plans.push({ kind: 'create', row: v, relation });
    }
  }
  errors.sort((a, z) => a.row - z.row);
  const write = !b.dryRun && (errors.length === 0 || b.mode === 'valid_only');
  if (write) await apply(ctx, community.id, plans, roomHousehold, info);
  const report = {
    total: sheet.rows.length,
    created: plans.filter((p) => p.kind === 'create').length,
    updated: plans.filter((p) => p.kind === 'update').length,
    unchanged: plans.filter((p) => p.kind === 'same').length,
    failed: new Set(errors.map((e) => e.row)).size,
    errors,
    written: write,
  };
  await ctx.audit({
    action: b.dryRun ? 'registry.import.dry_run' : 'registry.import.run',
    resourceType: 'registry_import',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { ...report, errors: errors.length, mode: b.mode },
  });
  if (write) await repo.saveResult(ctx.tx, id, community.id, { ...report, errors: errors.length }, ctx.now);
  if (write && report.created + report.updated > 0) {
    await ctx.emit({
      topic: 'registry.import.done',
      payload: { importId: id, communityId: community.id, created: report.created, updated: report.updated },
      communityId: community.id,
    });
  }
  return report;
}

async function apply(
  ctx: Ctx,
  communityId: string,
  plans: { kind: 'create' | 'update' | 'same'; row: ImportRow & { blind: string }; relation: string }[],
  households: Map<string, { id: string | null; hasHead: boolean }>,
  rooms: Map<string, { path: string; name: string; type: string }>,
) {
  const known = new Map(
    (
      await records.peopleByBlinds(
        ctx.tx,
        plans.map((p) => p.row.blind),
      )
    ).map((p) => [p.id_blind, p]),
  );
  for (const { kind, row, relation } of plans) {
    if (kind === 'same') continue;
    if (kind === 'update') {
      const p = known.get(row.blind)!;
      const set: Parameters<typeof records.updatePerson>[4] = {};
      const diff: [string, string | null, string | null][] = [];
      const change = (field: string, col: keyof typeof set, old: string | null, next: string | null) => {
        if (next === null || next === old) return;
        set[col] = next as never;
        diff.push([field, old, next]);
      };
      change('name', 'name', p.name, row.name);
      if (set.name) set.name_initials = records.initialsOf(row.name);
      change('phone', 'phone', p.phone, row.phone);
      change('residenceStatus', 'residence_status', p.residence_status, row.residence);
      change('relation', 'relation', p.relation, row.relation);
      await records.updatePerson(ctx.tx, communityId, p.id, p.version, set, ctx.now);
      await recordChanges(ctx, communityId, p.id, diff, '表格导入');
      continue;
    }
    const h = households.get(row.roomId)!;
    if (!h.id) {
      h.id = randomUUID();
      await records.insertHousehold(ctx.tx, {
        community_id: communityId,
        id: h.id,
        address_node_id: row.roomId,
        address_text: await addressOf(ctx, rooms.get(row.roomId)!),
        created_at: ctx.now,
        version: 1,
      });
    }
    const id = protectIdNumber(ctx.keys, row.idNumber);
    const personId = randomUUID();
    await records.insertPerson(ctx.tx, {
      community_id: communityId,
      id: personId,
      household_id: h.id,
      user_id: null,
      name: row.name,
      name_initials: records.initialsOf(row.name),
      relation,
      phone: row.phone,
      id_cipher: id.cipher,
      id_blind: id.blind,
      id_masked: id.masked,
      sex: id.sex,
      birth_date: id.birthDate,
      residence_status: row.residence ?? 'permanent',
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await recordChanges(ctx, communityId, personId, [['created', null, row.name]], '表格导入');
  }
}
