/**
 * Exports only after approval (ADR 0009): a reader asks (area, columns, reason); a higher role over the area
 * — not the requester — approves for 72 hours or rejects; the requester downloads an XLSX written by exceljs's
 * streaming writer, people read page by page, with a watermark (title row, sheet header and footer: exporter,
 * time, request number). ID numbers are masked unless the requester may reveal them at the person's place.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { api } from '@linli/contracts';
import ExcelJS from 'exceljs';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { decrypt } from '../../platform/crypto/secret-box.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import * as repo from './export-repository.ts';

type RequestBody = Static<typeof api.registryExports.requestExport.body>;
type Column = (typeof api.registryExports.EXPORT_COLUMNS)[number];
const PAGE = 2000;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
/** Beijing wall time, e.g. 2026-11-24 17:30. */
const china = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const statusOf = (e: repo.ExportRow, now: Date) =>
  e.status === 'approved' && e.expires_at && new Date(e.expires_at) <= now ? 'expired' : e.status;

const view = (ctx: Ctx, e: repo.ExportRow) => ({
  id: e.id,
  nodeId: e.node_id,
  nodeName: e.node_name,
  columns: e.columns as Column[],
  reason: e.reason,
  requestedByName: e.requested_by_name,
  requestedAt: iso(e.requested_at)!,
  status: statusOf(e, ctx.now) as 'pending',
  decidedByName: e.decided_by_name,
  decidedAt: iso(e.decided_at),
  note: e.note,
  expiresAt: iso(e.expires_at),
  downloads: e.downloads,
  version: e.version,
  mine: e.requested_by === ctx.user!.id,
  canDecide: e.requested_by !== ctx.user!.id && ctx.can('registry.export.approve', e.node_path),
});

export async function request(ctx: Ctx, b: RequestBody) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !ctx.can('registry.export', node.path))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/nodeId', code: 'not_found' }]);
  const id = randomUUID();
  await repo.insertExport(ctx.tx, {
    id,
    node_id: node.id,
    node_path: node.path,
    columns: [...b.columns],
    reason: b.reason.trim(),
    requested_by: ctx.user!.id,
    requested_by_name: ctx.user!.name,
    requested_at: ctx.now,
  });
  await ctx.audit({
    action: 'registry.export.request',
    resourceType: 'registry_export',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { columns: b.columns, reason: b.reason },
  });
  await ctx.emit({ topic: 'registry.export.requested', payload: { exportId: id, nodeId: node.id } });
  return view(ctx, (await repo.exportById(ctx.tx, id))!);
}

export async function mine(ctx: Ctx) {
  return { items: (await repo.exportsOf(ctx.tx, ctx.user!.id)).map((e) => view(ctx, e)) };
}

export async function toDecide(ctx: Ctx) {
  const scopes = listingScope(ctx.actor, 'registry.export.approve');
  const rows = await repo.exportsUnder(ctx.tx, scopes);
  return { items: rows.filter((e) => e.requested_by !== ctx.user!.id).map((e) => view(ctx, e)) };
}

export async function decide(ctx: Ctx, id: string, b: { version: number; approve: boolean; note?: string }) {
  const e = await repo.exportById(ctx.tx, id);
  if (!e || !ctx.can('registry.export.approve', e.node_path)) throw notFound();
  if (e.requested_by === ctx.user!.id) throw new AppError(403, 'own_export');
  if (e.status !== 'pending') throw conflict('already_decided');
  const expires = b.approve ? new Date(ctx.now.getTime() + api.registryExports.EXPORT_VALID_HOURS * 3600_000) : null;
  const ok = await repo.decide(ctx.tx, id, b.version, {
    status: b.approve ? 'approved' : 'rejected',
    by: ctx.user!.id,
    name: ctx.user!.name,
    at: ctx.now,
    note: b.note?.trim() || null,
    expires,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: b.approve ? 'registry.export.approve' : 'registry.export.reject',
    resourceType: 'registry_export',
    resourceId: id,
    nodeId: e.node_id,
    nodePath: e.node_path,
    detail: { requestedBy: e.requested_by_name, note: b.note ?? null, expiresAt: iso(expires) },
  });
  await ctx.emit({ topic: 'registry.export.decided', payload: { exportId: id, approve: b.approve } });
  return view(ctx, (await repo.exportById(ctx.tx, id))!);
}

const HEADINGS: Record<Column, string> = {
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  phone: '手机',
  address: '住址',
  relation: '与户主关系',
  residence: '居住状态',
};
const SEX: Record<string, string> = { male: '男', female: '女' };
const RESIDENCE: Record<string, string> = { registered: '户籍', permanent: '常住', floating: '流动', away: '外出' };
const RELATION: Record<string, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandparent: '祖父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳/女婿',
  member: '家庭成员',
  other: '其他',
};

export async function download(ctx: Ctx, id: string): Promise<Buffer> {
  const e = await repo.exportById(ctx.tx, id);
  // Only the requester downloads; anyone else (approvers included) sees no such file.
  if (!e || e.requested_by !== ctx.user!.id) throw notFound();
  const status = statusOf(e, ctx.now);
  if (status === 'expired') throw new AppError(410, 'export_expired');
  if (status !== 'approved') throw new AppError(409, 'export_not_approved');
  const scopes = listingScope(ctx.actor, 'person.read', { path: e.node_path });
  const columns = e.columns as Column[];
  const stamp = `导出人:${ctx.user!.name}  导出时间:${china(ctx.now)}  申请编号:${e.id}`;

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = `${ctx.user!.name} (${e.id})`;
  const sheet = book.addWorksheet('居民信息', {
    headerFooter: {
      oddHeader: `&L邻里 · 居民信息导出&C${ctx.user!.name} ${china(ctx.now)}&R${e.id}`,
      oddFooter: `&L${stamp}&R第 &P 页 / 共 &N 页`,
    },
  });
  sheet.addRow([`${stamp}  用途:${e.reason}  仅限本人工作使用,不得转发`]).commit();
  sheet.addRow(columns.map((c) => HEADINGS[c])).commit();
  let rows = 0;
  let revealed = 0;
  const ids: string[] = [];
  const inReach = records.inReach(await records.reachOf(ctx.tx, scopes));
  for (let after: { address: string; id: string } | null = null; ; ) {
    const page = await repo.peoplePage(ctx.tx, inReach, after, PAGE);
    for (const p of page) {
      const reveal = columns.includes('idNumber') && ctx.can('person.reveal_id', p.place);
      if (reveal) revealed++;
      const cell: Record<Column, string> = {
        name: p.name,
        idNumber: reveal ? decrypt(ctx.keys, p.id_cipher) : p.id_masked,
        sex: SEX[p.sex] ?? p.sex,
        birthDate: p.birth_date,
        phone: p.phone ?? '',
        address: `${p.community} ${p.address_text}`,
        relation: RELATION[p.relation] ?? p.relation,
        residence: RESIDENCE[p.residence_status] ?? p.residence_status,
      };
      sheet.addRow(columns.map((c) => cell[c])).commit();
      ids.push(p.id);
    }
    rows += page.length;
    if (page.length < PAGE) break;
    after = { address: page.at(-1)!.address_text, id: page.at(-1)!.id };
  }
  sheet.commit();
  await book.commit();
  await done;
  await repo.countDownload(ctx.tx, id);
  await ctx.audit({
    action: 'registry.export.download',
    resourceType: 'registry_export',
    resourceId: id,
    nodeId: e.node_id,
    nodePath: e.node_path,
    detail: { rows, revealed, columns, people: ids.slice(0, 5000) },
  });
  ctx.reply.header('content-type', api.registryExports.XLSX_TYPE);
  ctx.reply.header('content-disposition', `attachment; filename="registry-export-${e.id}.xlsx"`);
  return Buffer.concat(chunks);
}
