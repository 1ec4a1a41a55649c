import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { ensureGrant } from '../../platform/access/grants.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { invalid, plainText } from '../notices/text.ts';
import * as org from '../org/service.ts';
import { applyDenial, GRANTED_ROLE, type Move, nextStatus, REVIEW_ACTION } from './policy.ts';
import * as repo from './repository.ts';

type Kind = api.affiliations.AffiliationKind;
type View = Static<typeof api.affiliations.AffiliationView>;
type Party = Static<typeof api.affiliations.PartyDetail>;
type Hometown = Static<typeof api.affiliations.HometownDetail>;
export type ApplyBody = Static<typeof api.affiliations.applyAffiliation.body>;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function view(r: repo.AffiliationRow, showPhone: boolean): View {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    kind: r.kind as Kind,
    name: r.name,
    phone: showPhone ? r.phone : null,
    party: r.kind === 'party' ? (r.detail as Party) : null,
    hometown: r.kind === 'hometown' ? (r.detail as Hometown) : null,
    status: r.status as View['status'],
    reason: r.reason,
    createdAt: iso(r.created_at)!,
    decidedAt: iso(r.decided_at),
    decidedByName: r.decided_by_name,
    version: r.version,
  };
}

/** Free text trimmed and checked; 双报到 needs the workplace and its party organisation. */
function cleanDetail(b: ApplyBody): Party | Hometown {
  const opt = (v: string | undefined, path: string) => (v === undefined ? undefined : plainText(v, path));
  if (b.kind === 'hometown') {
    const h = b.hometown;
    return { tie: h.tie, livesIn: plainText(h.livesIn, '/hometown/livesIn'), note: opt(h.note, '/hometown/note') };
  }
  const p = b.party;
  if (p.dual && !p.workplace) throw invalid('/party/workplace', 'required');
  if (p.dual && !p.workplaceOrg) throw invalid('/party/workplaceOrg', 'required');
  if (p.joinedOn && Number.isNaN(Date.parse(`${p.joinedOn}T00:00:00Z`))) throw invalid('/party/joinedOn', 'format');
  return {
    partyOrg: plainText(p.partyOrg, '/party/partyOrg'),
    joinedOn: p.joinedOn,
    dual: p.dual,
    workplace: p.dual ? opt(p.workplace, '/party/workplace') : undefined,
    workplaceOrg: p.dual ? opt(p.workplaceOrg, '/party/workplaceOrg') : undefined,
    serviceOffer: opt(p.serviceOffer, '/party/serviceOffer'),
  };
}

const inCommunity = (ctx: Ctx, path: string, role?: string) =>
  ctx.grants.some((g) => g.communityPath === path && (role ? g.role === role : g.role !== 'hometown_member'));

/** Files a check-in or hometown request for the signed-in caller (also the public hometown join, after sign-up). */
export async function apply(ctx: Ctx, communityId: string, b: ApplyBody, name = ctx.user!.name): Promise<View> {
  const c = await org.getNode(ctx.tx, communityId);
  if (c?.type !== 'community') throw notFound();
  // A party check-in names a community the caller lives in; anyone may ask to join a village's hometown board.
  if (b.kind === 'party' && !ctx.can('community.read', c.path)) throw notFound();
  const denial = applyDenial(b.kind, {
    village: c.kind === 'village',
    member: inCommunity(ctx, c.path),
    hometownMember: inCommunity(ctx, c.path, 'hometown_member'),
  });
  if (denial?.path) throw invalid(denial.path, denial.code);
  if (denial) throw new AppError(denial.status, denial.code);
  const detail = cleanDetail(b);
  if (await repo.live(ctx.tx, c.id, ctx.user!.id, b.kind)) throw conflict('already_applied');
  const id = randomUUID();
  await repo.insert(ctx.tx, {
    community_id: c.id,
    id,
    user_id: ctx.user!.id,
    kind: b.kind,
    name: name.trim(),
    detail: JSON.stringify(detail),
    status: 'pending',
    reason: null,
    decided_by: null,
    decided_at: null,
    created_at: ctx.now,
  });
  await ctx.audit({
    action: `affiliation.${b.kind}.apply`,
    resourceType: 'affiliation',
    resourceId: id,
    nodeId: c.id,
    nodePath: c.path,
    detail: { kind: b.kind },
  });
  await ctx.emit({
    topic: 'affiliation.submitted',
    payload: { id, communityId: c.id, kind: b.kind },
    communityId: c.id,
  });
  return view((await repo.byId(ctx.tx, id))!, true);
}

export async function mine(ctx: Ctx) {
  return { items: (await repo.ofUser(ctx.tx, ctx.user!.id)).map((r) => view(r, true)) };
}

type ListQuery = Static<typeof api.affiliations.listAffiliations.querystring>;

export async function list(ctx: Ctx, communityId: string, q: ListQuery) {
  const c = await org.getNode(ctx.tx, communityId);
  if (c?.type !== 'community' || !ctx.can(REVIEW_ACTION[q.kind], c.path)) throw notFound();
  const page = await repo.queue(ctx.tx, {
    communityId: c.id,
    kind: q.kind,
    status: q.status,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: page.items.map((r) => view(r, true)), total: page.total };
}

/** An affiliation the caller reviews, or the applicant's own (404 otherwise: no existence oracle). */
async function load(ctx: Ctx, id: string, as: 'reviewer' | 'applicant') {
  const r = await repo.byId(ctx.tx, id);
  if (!r) throw notFound();
  const ok = as === 'reviewer' ? ctx.can(REVIEW_ACTION[r.kind as Kind], r.path) : r.user_id === ctx.user!.id;
  if (!ok) throw notFound();
  return r;
}

async function move(ctx: Ctx, r: repo.AffiliationRow, m: Move, version: number, reason: string | null) {
  const to = nextStatus(r.status as View['status'], m);
  if (!to) throw conflict('already_decided');
  if (!(await repo.decide(ctx.tx, r, version, { status: to, reason, by: ctx.user!.id, at: ctx.now })))
    throw conflict('version_conflict');
  await ctx.audit({
    action: `affiliation.${r.kind}.${m}`,
    resourceType: 'affiliation',
    resourceId: r.id,
    nodeId: r.community_id,
    nodePath: r.path,
    detail: reason ? { reason } : null,
  });
  return to;
}

export async function decide(
  ctx: Ctx,
  id: string,
  b: { decision: 'approve' | 'reject'; reason?: string; version: number },
) {
  const r = await load(ctx, id, 'reviewer');
  if (b.decision === 'reject' && !b.reason) throw invalid('/reason', 'required');
  const reason = b.reason ? plainText(b.reason, '/reason') : null;
  await move(ctx, r, b.decision, b.version, reason);
  if (b.decision === 'approve')
    await ensureGrant(ctx.tx, {
      userId: r.user_id,
      role: GRANTED_ROLE[r.kind as Kind],
      nodeId: r.community_id,
      grantedBy: ctx.user!.id,
      at: ctx.now,
    });
  await ctx.emit({
    topic: 'affiliation.decided',
    payload: { id, communityId: r.community_id, kind: r.kind, userId: r.user_id, decision: b.decision, reason },
    communityId: r.community_id,
  });
  return view((await repo.byId(ctx.tx, id))!, true);
}

export async function withdraw(ctx: Ctx, id: string, version: number) {
  const r = await load(ctx, id, 'applicant');
  await move(ctx, r, 'withdraw', version, null);
  return view((await repo.byId(ctx.tx, id))!, true);
}
