/** Case rows and states into the API's shapes: summaries for lists, the case page, and its public form. */
import { type api, cases } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { decrypt } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/engine.ts';
import * as categories from '../categories/service.ts';
import * as org from '../org/service.ts';
import type { CaseView } from './policy.ts';
import { caseActorOf, staffSees } from './policy.ts';
import * as repo from './repository.ts';

type Summary = Static<typeof api.cases.CaseSummary>;
type Detail = Static<typeof api.cases.CaseDetail>;
type Doc = Omit<cases.CaseState, 'timeline'>;

const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');
const titleOf = (d: string) => {
  const line = d.split(/\r?\n/)[0]!.trim();
  return [...line].length > 40 ? `${[...line].slice(0, 40).join('')}…` : line;
};

export interface Lookups {
  nodes: Map<string, string>;
  /** Type of every node looked up (the case page builds its place path from them). */
  nodeTypes: Map<string, string>;
  categories: Map<string, { name: string; code: string }>;
  departments: Map<string, string>;
}

/** The building (courtyard) a place lies in, when the place is a unit or room inside it. */
const buildingOf = (path: string): string | null => path.split('/').filter(Boolean)[4] ?? null;

/**
 * Names for a page of rows in at most three queries, whatever the page size (nodes, categories,
 * departments); category names in `lang`. `extraNodeIds` rides along in the node query.
 */
export async function lookupsFor(
  tx: Db,
  rows: readonly repo.CaseRow[],
  lang: Ctx['lang'] = 'zh-CN',
  extra: { nodeIds?: readonly string[]; departmentIds?: readonly string[] } = {},
): Promise<Lookups> {
  const buildings = rows.map((r) => buildingOf(r.place_path)).filter((b): b is string => b !== null);
  const nodeIds = [
    ...new Set([...rows.flatMap((r) => [r.community_id, r.place_id]), ...buildings, ...(extra.nodeIds ?? [])]),
  ];
  const deptIds = [
    ...new Set([
      ...rows.flatMap((r) => (r.state as Doc).assignments.map((a) => a.departmentId)),
      ...(extra.departmentIds ?? []),
    ]),
  ];
  const catIds = [...new Set(rows.map((r) => r.category_id))];
  const nodes = await org.getNodes(tx, nodeIds);
  const cats = await categories.categoriesByIds(tx, catIds);
  const depts = await repo.departmentsByIds(tx, deptIds);
  return {
    nodes: new Map(nodes.map((n) => [n.id, n.name])),
    nodeTypes: new Map(nodes.map((n) => [n.id, n.type])),
    categories: new Map(cats.map((c) => [c.id, { name: lang === 'en' ? c.nameEn : c.name, code: c.code }])),
    departments: new Map(depts.map((d) => [d.id, d.name])),
  };
}

/** A list entry; the public view names the building at most, never a unit or room (门牌). */
export function toSummary(r: repo.CaseRow, l: Lookups, now: Date, view: CaseView = 'full'): Summary {
  const building = buildingOf(r.place_path);
  const placeId = view === 'public' && building ? building : r.place_id;
  const doc = r.state as Doc;
  const sla =
    r.sla_stage && r.due_at
      ? {
          stage: r.sla_stage as cases.SlaStage,
          startedAt: (r.updated_at ?? r.created_at).toISOString(),
          yellowAt: r.yellow_at ? r.yellow_at.toISOString() : null,
          dueAt: r.due_at.toISOString(),
          colour: cases.slaColour({ yellowAt: r.yellow_at?.toISOString() ?? null, dueAt: r.due_at.toISOString() }, now),
        }
      : null;
  return {
    id: r.id,
    no: r.no,
    communityId: r.community_id,
    communityName: l.nodes.get(r.community_id) ?? '',
    categoryId: r.category_id,
    categoryName: l.categories.get(r.category_id)?.name ?? '',
    status: r.status as cases.CaseStatus,
    level: r.level as cases.CaseLevel,
    source: r.source as Summary['source'],
    title: titleOf(r.description),
    placeName: l.nodes.get(placeId) ?? '',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    sla,
    urged: (r.urged as cases.UrgeLevel | null) ?? null,
    departments: doc.assignments.map((a) => ({
      id: a.departmentId,
      name: l.departments.get(a.departmentId) ?? '',
      status: a.status,
    })),
    public: r.is_public,
    version: r.version,
  };
}

function reportersOf(r: repo.CaseRow, users: readonly repo.UserContact[], ctx: Ctx, mask: boolean) {
  const out = users.map((u) => ({ name: u.name, phone: u.phone }));
  if (r.contact_name && r.contact_phone) out.push({ name: r.contact_name, phone: decrypt(ctx.keys, r.contact_phone) });
  return out.map((p) => ({ name: p.name, phone: mask ? maskPhone(p.phone) : p.phone }));
}

/** The case page. The public view drops who reported, exact place, notes of residents and details. */
export async function toDetail(ctx: Ctx, r: repo.CaseRow, s: cases.CaseState, view: CaseView): Promise<Detail> {
  const full = view === 'full';
  const deptIds = [
    ...new Set([
      ...s.assignments.map((a) => a.departmentId),
      ...s.meetings.flatMap((m) => m.invitees.map((i) => i.departmentId)),
    ]),
  ];
  const caseActor = caseActorOf(ctx.user!.id, ctx.grants);
  const isReporter = s.reporterIds.includes(ctx.user!.id);
  const listReporters = full && !isReporter;
  // One query per table: every node on the place's path, every person named, every department.
  const pathIds = r.place_path.split('/').filter(Boolean);
  const lookups = await lookupsFor(ctx.tx, [r], ctx.lang, { nodeIds: pathIds, departmentIds: deptIds });
  const people = await repo.userContacts(ctx.tx, [
    ...new Set([...(full ? s.timeline.map((e) => e.actorId) : []), ...(listReporters ? s.reporterIds : [])]),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  const merged = await repo.rowsByIds(ctx.tx, [...(s.mergedInto ? [s.mergedInto] : []), ...s.mergedFrom]);
  const deptName = lookups.departments;
  const noOf = new Map(merged.map((m) => [m.id, m.no]));
  const departmentOnly = !isReporter && !staffSees(ctx.user!.id, ctx.grants, r.place_path);
  const place = pathIds
    .map((id) => ({ name: lookups.nodes.get(id) ?? '', type: lookups.nodeTypes.get(id) ?? '' }))
    .filter((p) => ['community', 'grid', 'building', 'unit', 'room'].includes(p.type));
  const publicPlace = place.filter((p) => !['unit', 'room'].includes(p.type)).map((p) => p.name);
  // `absorb` is the target's half of a merge, run by the merge route, never on its own.
  const allowed = full ? cases.allowedCommands(s, caseActor, ctx.now).filter((k) => k.type !== 'absorb') : [];
  const street = full && allowed.some((k) => k.type === 'dispatch' || k.type === 'summon');
  return {
    ...toSummary(r, lookups, ctx.now, view),
    view,
    description: r.description,
    categoryCode: lookups.categories.get(r.category_id)?.code ?? '',
    placeId: r.place_id,
    placePath: full ? place.map((p) => p.name) : publicPlace,
    location: full && r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    address: full ? r.address : '',
    attachments: r.attachments,
    reporters: listReporters
      ? reportersOf(
          r,
          people.filter((u) => s.reporterIds.includes(u.id)),
          ctx,
          departmentOnly,
        )
      : [],
    isReporter,
    timeline: s.timeline.map((e) => ({
      version: e.version,
      type: e.type,
      at: e.at,
      role: e.role,
      actor: full ? { id: e.actorId, name: names.get(e.actorId) ?? (e.role === 'system' ? '' : '—') } : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: full || (e.role !== 'reporter' && e.type !== 'created') ? e.note : '',
      attachments: e.attachments,
      data: full ? e.data : {},
    })),
    assignments: s.assignments.map((a) => ({ ...a, departmentName: deptName.get(a.departmentId) ?? '' })),
    meetings: s.meetings.map((m) => ({
      no: m.no,
      tier: m.tier,
      status: m.status,
      at: m.at,
      place: m.place,
      invitees: m.invitees.map((i) => ({ ...i, departmentName: deptName.get(i.departmentId) ?? '' })),
      minutes: m.minutes,
      agreedActions: m.agreedActions,
    })),
    ratings: s.ratings.map((x) => ({ score: x.score, comment: full ? x.comment : '', at: x.at, round: x.round })),
    parked: s.parked ? { reviewAt: s.parked.reviewAt, reason: full ? s.parked.reason : '', tier: s.parked.tier } : null,
    mergedInto: s.mergedInto ? { id: s.mergedInto, no: noOf.get(s.mergedInto) ?? '' } : null,
    mergedFrom: s.mergedFrom.map((id) => ({ id, no: noOf.get(id) ?? '' })),
    reopenCount: s.reopenCount,
    closedAt: s.closedAt,
    allowed,
    departmentsServing: street ? await repo.departmentsServing(ctx.tx, r.street_id) : [],
  };
}
