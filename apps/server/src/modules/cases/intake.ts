/**
 * Intake: every channel (resident form, patrol, phone/visit entered by a cadre, courtyard QR, hotline
 * import) ends in `createCaseRecord`, which checks the category and place the same way and records the source.
 */
import { randomUUID } from 'node:crypto';
import { type api, cases, localDateOf, type Role, scopeOf } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { encrypt } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { searchTokens } from '../../platform/text/tokens.ts';
import * as org from '../org/service.ts';
import { assertInsideCommunity } from './place-check.ts';
import type { CategoryInfo } from './projection.ts';
import * as repo from './repository.ts';
import { calendarFor, categoryInfo, type Env, type Saved, saveNew } from './store.ts';

const PLACE_TYPES = ['community', 'grid', 'building', 'unit', 'room'];

export const invalid = (path: string, code: string) => new AppError(422, 'validation_failed', {}, [{ path, code }]);

export interface Place {
  id: string;
  name: string;
  path: string;
  type: string;
  communityId: string;
  streetId: string;
  districtId: string;
  communityPath: string;
  streetPath: string;
}

/** A node a case can be about: the community itself or anything inside it. */
export async function placeOf(tx: Db, id: string): Promise<Place | null> {
  const n = await org.getNode(tx, id);
  if (!n || !PLACE_TYPES.includes(n.type)) return null;
  const [districtId, streetId, communityId] = n.path.split('/').filter(Boolean);
  return {
    id: n.id,
    name: n.name,
    path: n.path,
    type: n.type,
    communityId: communityId!,
    streetId: streetId!,
    districtId: districtId!,
    communityPath: `/${districtId}/${streetId}/${communityId}/`,
    streetPath: `/${districtId}/${streetId}/`,
  };
}

/** Active category or 422 at `path`. */
export async function activeCategory(tx: Db, id: string, path = '/categoryId'): Promise<CategoryInfo> {
  const cat = await categoryInfo(tx, id);
  if (!cat?.active) throw invalid(path, 'not_found');
  return cat;
}

/** 小事不出院落: a case starts at its category's level; department matters start at the street. */
export const startLevel = (cat: CategoryInfo): 'courtyard' | 'community' | 'street' =>
  cat.defaultLevel === 'department' ? 'street' : cat.defaultLevel;

export interface NewCaseInput {
  place: Place;
  category: CategoryInfo;
  source: api.cases.CaseSource;
  description: string;
  reporterIds: readonly string[];
  createdBy: string | null;
  role: cases.ActingRole;
  attachments?: readonly string[];
  location?: { lat: number; lng: number } | null;
  address?: string;
  isPublic?: boolean;
  contact?: { name: string; phone: string } | null;
  externalNo?: string | null;
  trackingHash?: string | null;
  /** Hotline orders arrive at the street whatever the category says. */
  level?: 'courtyard' | 'community' | 'street';
}

export async function createCaseRecord(env: Env & { keys: Ctx['keys'] }, i: NewCaseInput): Promise<Saved> {
  const id = randomUUID();
  const cal = await calendarFor(env.tx, i.place.districtId);
  const no = await repo.nextNo(env.tx, localDateOf(env.now, cal));
  const state = cases.createCase(
    {
      id,
      path: i.place.path,
      communityPath: i.place.communityPath,
      streetPath: i.place.streetPath,
      reporterIds: [...i.reporterIds],
      level: i.level ?? startLevel(i.category),
      createdBy: i.createdBy ?? 'system',
      role: i.role,
      attachments: [...(i.attachments ?? [])],
      source: i.source,
    },
    env.now,
  );
  return saveNew(
    env,
    {
      community_id: i.place.communityId,
      id,
      no,
      district_id: i.place.districtId,
      street_id: i.place.streetId,
      category_id: i.category.id,
      source: i.source,
      external_no: i.externalNo ?? null,
      place_id: i.place.id,
      place_path: i.place.path,
      lat: i.location?.lat ?? null,
      lng: i.location?.lng ?? null,
      address: i.address ?? '',
      description: i.description,
      is_public: i.isPublic ?? false,
      attachments: [...(i.attachments ?? [])],
      contact_name: i.contact?.name ?? null,
      contact_phone: i.contact ? encrypt(env.keys, i.contact.phone) : null,
      tracking_hash: i.trackingHash ?? null,
      created_by: i.createdBy,
    },
    state,
    i.category,
    [...searchTokens(i.description), no],
    cal,
  );
}

type ReportBody = Static<typeof api.cases.reportCase.body>;

const PATROL_ROLES: Role[] = ['grid_worker', 'microgrid_volunteer'];
const DESK_ROLES: Role[] = [
  'community_secretary',
  'committee_member',
  'street_dispatcher',
  'street_staff',
  'grid_worker',
];

/** The role through which the caller may use a source at a place, or null. */
function sourceRole(ctx: Ctx, source: string, path: string): Role | null {
  const roles = source === 'patrol' ? PATROL_ROLES : source === 'app' ? null : DESK_ROLES;
  for (const g of ctx.grants) {
    if (!path.startsWith(g.path)) continue;
    if (roles === null || roles.includes(g.role)) return g.role;
  }
  return null;
}

/** POST /api/cases: resident form, patrol report, or a call/visit entered by a cadre. */
export async function report(ctx: Ctx, b: ReportBody, checkAttachments: (ids: readonly string[]) => Promise<void>) {
  const place = await placeOf(ctx.tx, b.placeId);
  if (!place) throw invalid('/placeId', 'not_found');
  // A resident's reach is their own community: anywhere else is "outside the community".
  if (!ctx.can('case.report', place.path)) throw invalid('/placeId', 'outside_community');
  await assertInsideCommunity(ctx.tx, place.communityId, b.location, '/location');
  const category = await activeCategory(ctx.tx, b.categoryId);
  const source = b.source ?? 'app';
  const role = sourceRole(ctx, source, place.path);
  if (source !== 'app' && !role) throw invalid('/source', 'source_not_allowed');
  const desk = source === 'phone' || source === 'visit';
  if (desk && !b.contact) throw invalid('/contact', 'required');
  if (b.attachments?.length) await checkAttachments(b.attachments);
  const user = ctx.user!;
  const saved = await createCaseRecord(ctx, {
    place,
    category,
    source,
    description: b.description.trim(),
    reporterIds: desk ? [] : [user.id],
    createdBy: user.id,
    role: desk || source === 'patrol' ? role! : 'reporter',
    attachments: b.attachments ?? [],
    location: b.location ?? null,
    address: b.address ?? '',
    isPublic: b.public ?? false,
    contact: desk ? b.contact! : null,
  });
  await ctx.audit({
    action: 'case.report',
    resourceType: 'case',
    resourceId: saved.row.id,
    nodeId: place.id,
    nodePath: place.path,
    detail: { no: saved.row.no, source, categoryId: category.id },
  });
  return saved;
}

/** The grids and buildings of a community the caller may report in (their own by default); never rooms. */
export async function reportPlaces(ctx: Ctx, communityId: string | undefined) {
  const scopes = scopeOf(ctx.actor, 'case.report');
  const id = communityId ?? scopes[0]?.split('/').filter(Boolean)[2];
  const community = id ? await placeOf(ctx.tx, id) : null;
  if (community?.type !== 'community' || !ctx.can('case.report', community.path)) throw notFound();
  const nodes = await org.descendants(ctx.tx, community.path, ['grid', 'building']);
  return {
    community: { id: community.id, name: community.name },
    places: nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, parentId: n.parent_id })),
  };
}
