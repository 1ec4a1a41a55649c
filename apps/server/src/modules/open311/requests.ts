/**
 * Open311 service requests are Linli cases. A POST goes through the same intake as every other channel
 * (`createCaseRecord`, source `open311`) inside the token's subtree; GETs read cases in that subtree.
 * `service_request_id` is the case number, the `token` its id; status is open/closed from the case state
 * and `status_notes` the latest note on its timeline.
 */
import { isValidPhone } from '@linli/contracts';
import type { AuditInput } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { encrypt } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import type { DomainEvent } from '../../platform/outbox/outbox.ts';
import type { ApiScope, TokenCaller } from '../api-tokens/service.ts';
import * as calendar from '../calendar/service.ts';
import { createCaseRecord } from '../cases/intake.ts';
import { inbox } from '../cases/listing-repository.ts';
import * as cases from '../cases/repository.ts';
import { categoryInfo } from '../cases/store.ts';
import * as categories from '../categories/service.ts';
import * as org from '../org/service.ts';
import { bad, denied, isoWithZone, missing } from './format.ts';
import { jurisdictionOf, resolvePlace } from './place.ts';
import * as repo from './repository.ts';
import { attributesOf, serviceByCode } from './services.ts';

export interface Env {
  tx: Db;
  now: Date;
  lang: Lang;
  keys: Ctx['keys'];
  caller: TokenCaller;
  audit(e: AuditInput): Promise<void>;
  emit(e: DomainEvent): Promise<void>;
}
export type Params = (name: string) => string | undefined;

const CLOSED = ['resolved', 'closed', 'merged', 'cancelled'];
const OPEN = ['submitted', 'accepted', 'escalated', 'registered', 'dispatched', 'checking', 'parked'];
const MAX_ROWS = 1000;
const DEFAULT_DAYS = 90;

function need(env: Env, scope: ApiScope) {
  if (!env.caller.scopes.includes(scope)) throw denied(`this api_key lacks the ${scope} scope`);
}

async function scopePath(env: Env, jurisdiction: string | undefined): Promise<string> {
  const j = await jurisdictionOf(env.tx, jurisdiction, env.caller.nodePath);
  // A jurisdiction above the token's node narrows nothing; one below it narrows the search.
  return j?.path.startsWith(env.caller.nodePath) ? j.path : env.caller.nodePath;
}

const number = (name: string, v: string | undefined, min: number, max: number) => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw bad(`${name} must be a number from ${min} to ${max}`);
  return n;
};

function attributes(get: Params, service: Awaited<ReturnType<typeof serviceByCode>> & object, lang: Lang) {
  const out: Record<string, string> = {};
  for (const a of attributesOf(service, lang)) {
    const v = get(`attribute[${a.code}]`)?.trim();
    if (!v) {
      if (a.required) throw bad(`attribute[${a.code}] is required for service ${service.code}`);
      continue;
    }
    if (a.values && !a.values.some((x) => x.key === v))
      throw bad(`attribute[${a.code}] must be one of ${a.values.map((x) => x.key).join(', ')}`);
    if (a.code === 'part_code' && !/^[\w-]{1,40}$/.test(v))
      throw bad(`attribute[${a.code}]: ${a.datatype_description}`);
    out[a.code] = v;
  }
  return out;
}

export async function create(env: Env, get: Params) {
  need(env, 'cases.write');
  const code = get('service_code');
  if (!code) throw bad('service_code is required');
  const service = await serviceByCode(env.tx, code);
  if (!service) throw bad(`service_code ${code} is not a known service`);
  const scope = await scopePath(env, get('jurisdiction_id'));
  const lat = number('lat', get('lat'), -90, 90);
  const lng = number('long', get('long'), -180, 180);
  if ((lat === undefined) !== (lng === undefined)) throw bad('lat and long must be given together');
  const addressString = get('address_string')?.trim().slice(0, 200) || undefined;
  const place = await resolvePlace(env.tx, scope, {
    lat,
    lng,
    addressString,
    addressId: get('address_id') || undefined,
  });
  const attrs = attributes(get, service, env.lang);
  const description = get('description')?.trim() ?? '';
  if (description.length > 4000) throw bad('description may have at most 4000 characters');
  const email = get('email')?.trim() || null;
  if (email && (email.length > 200 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)))
    throw bad('email is not an e-mail address');
  const phone = get('phone')?.replace(/[\s-]/g, '') || null;
  if (phone && !isValidPhone(phone)) throw bad('phone must be a mainland mobile number');
  const first = get('first_name')?.trim().slice(0, 40) || null;
  const last = get('last_name')?.trim().slice(0, 40) || null;
  const media = get('media_url')?.trim() || null;
  if (media && (media.length > 1000 || !/^https?:\/\/\S+$/.test(media))) throw bad('media_url must be an http(s) URL');
  const name = `${last ?? ''}${first ?? ''}` || null;
  const text = [description || service.name, attrs.part_code ? `部件编号:${attrs.part_code}` : '']
    .filter(Boolean)
    .join('\n');
  const saved = await createCaseRecord(env, {
    place,
    category: (await categoryInfo(env.tx, service.id))!,
    source: 'open311',
    description: text,
    reporterIds: [],
    createdBy: null,
    role: 'system',
    location: lat !== undefined && lng !== undefined ? { lat, lng } : null,
    address: addressString ?? '',
    isPublic: attrs.public === 'true',
    contact: phone ? { name: name ?? '', phone } : null,
  });
  await repo.insert(env.tx, {
    community_id: place.communityId,
    case_id: saved.row.id,
    token_id: env.caller.id,
    attributes: JSON.stringify(attrs),
    email: email ? encrypt(env.keys, email) : null,
    first_name: first,
    last_name: last,
    media_url: media,
    created_at: env.now,
  });
  await env.audit({
    action: 'case.report',
    resourceType: 'case',
    resourceId: saved.row.id,
    nodeId: place.id,
    nodePath: place.path,
    detail: { no: saved.row.no, source: 'open311', categoryId: service.id, tokenId: env.caller.id },
  });
  return [
    {
      service_request_id: saved.row.no,
      token: saved.row.id,
      service_notice: env.lang === 'en' ? 'Received; the community will answer.' : '已收到,社区将及时回应。',
      account_id: null,
    },
  ];
}

function dateParam(name: string, v: string | undefined): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(d.getTime())) throw bad(`${name} must be an ISO 8601 date-time`);
  return d;
}

async function view(env: Env, rows: cases.CaseRow[]) {
  if (rows.length === 0) return [];
  const [cats, nodes, media] = await Promise.all([
    categories.categoriesByIds(env.tx, [...new Set(rows.map((r) => r.category_id))]),
    org.getNodes(env.tx, [...new Set(rows.flatMap((r) => [r.community_id, r.street_id, r.place_id]))]),
    repo.mediaOf(
      env.tx,
      rows.map((r) => r.id),
    ),
  ]);
  const cat = new Map(cats.map((c) => [c.id, c]));
  const node = new Map(nodes.map((n) => [n.id, n.name]));
  const offset = (await calendar.calendarOf(env.tx, rows[0]!.district_id)).timeZoneOffsetMinutes;
  // Assignments are in the stored case document; their departments are read once for the whole page.
  const assigned = (r: cases.CaseRow) =>
    ((r.state as { assignments?: { departmentId: string }[] }).assignments ?? []).map((a) => a.departmentId);
  const allDepts = [...new Set(rows.flatMap(assigned))];
  const dept = new Map(
    (allDepts.length ? await cases.departmentsByIds(env.tx, allDepts) : []).map((d) => [d.id, d.name]),
  );
  // The latest note of every case on the page in one query (not one timeline per row).
  const notes = await cases.latestNotes(env.tx, rows);
  const out = [];
  for (const r of rows) {
    const depts = assigned(r).flatMap((id) => (dept.has(id) ? [{ name: dept.get(id)! }] : []));
    const c = cat.get(r.category_id);
    const holder = r.level === 'street' ? r.street_id : r.community_id;
    out.push({
      service_request_id: r.no,
      status: CLOSED.includes(r.status) ? 'closed' : 'open',
      status_notes: notes.get(r.id) ?? null,
      service_name: c ? (env.lang === 'en' ? c.nameEn : c.name) : null,
      service_code: c?.code ?? null,
      description: r.description,
      agency_responsible: depts.length ? depts.map((d) => d.name).join('、') : (node.get(holder) ?? null),
      service_notice: null,
      requested_datetime: isoWithZone(r.created_at, offset),
      updated_datetime: isoWithZone(r.updated_at, offset),
      expected_datetime: isoWithZone(r.due_at, offset),
      address:
        r.address ||
        [node.get(r.community_id), r.place_id !== r.community_id ? node.get(r.place_id) : ''].filter(Boolean).join(' '),
      address_id: r.place_id,
      zipcode: null,
      lat: r.lat,
      long: r.lng,
      media_url: media.get(r.id) ?? null,
    });
  }
  return out;
}

async function auditRead(env: Env, what: string, detail: Record<string, unknown>) {
  await env.audit({
    action: 'api_token.use',
    resourceType: 'api_token',
    resourceId: env.caller.id,
    nodeId: env.caller.nodeId,
    nodePath: env.caller.nodePath,
    detail: { endpoint: what, ...detail },
  });
}

export async function list(env: Env, get: Params) {
  need(env, 'cases.read');
  const scope = await scopePath(env, get('jurisdiction_id'));
  const ids = get('service_request_id');
  let rows: cases.CaseRow[];
  if (ids) {
    // The specification: with service_request_id every other filter is ignored.
    const nos = ids
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 100);
    rows = [];
    for (const no of nos)
      rows.push(...(await inbox(env.tx, { scopes: [scope], no, now: env.now, limit: 1 })).slice(0, 1));
  } else {
    const end = dateParam('end_date', get('end_date')) ?? env.now;
    const start = dateParam('start_date', get('start_date')) ?? new Date(end.getTime() - DEFAULT_DAYS * 86_400_000);
    if (start > end) throw bad('start_date must not be after end_date');
    const codes = get('service_code')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    let categoryIds: string[] | null = null;
    if (codes?.length) {
      const all = await categories.allCategories(env.tx);
      categoryIds = all.filter((c) => codes.includes(c.code)).map((c) => c.id);
      if (categoryIds.length === 0) return [];
    }
    const statuses = get('status')
      ?.split(',')
      .map((s) => s.trim());
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw bad('status must be open or closed');
    const wanted = statuses?.length === 1 ? (statuses[0] === 'open' ? OPEN : CLOSED) : null;
    const page = await inbox(env.tx, {
      scopes: [scope],
      statuses: wanted,
      categoryIds,
      now: env.now,
      cursor: { at: end, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
      limit: MAX_ROWS,
    });
    rows = page.slice(0, MAX_ROWS).filter((r) => r.created_at >= start);
  }
  await auditRead(env, 'requests', { count: rows.length });
  return view(env, rows);
}

export async function one(env: Env, id: string) {
  need(env, 'cases.read');
  if (!/^\d{8,20}$/.test(id)) throw missing(`service request ${id} was not found`);
  const [row] = await inbox(env.tx, { scopes: [env.caller.nodePath], no: id, now: env.now, limit: 1 });
  // Outside the token's subtree a request "does not exist" (no existence oracle, ADR 3).
  if (!row) throw missing(`service request ${id} was not found`);
  await auditRead(env, 'request', { no: id });
  return view(env, [row]);
}

export async function byToken(env: Env, token: string) {
  need(env, 'cases.read');
  const row = /^[0-9a-f-]{36}$/.test(token) ? await cases.rowById(env.tx, token) : undefined;
  if (!row?.place_path.startsWith(env.caller.nodePath) || row.source !== 'open311')
    throw missing(`token ${token} was not found`);
  await auditRead(env, 'token', { no: row.no });
  return [{ service_request_id: row.no, token }];
}
