/**
 * Courtyard QR codes (扫码报事). A link names a place (community, grid or building) and a version, signed
 * like join tokens; rotating it retires old posters. Reporting through it needs no account: name, phone
 * and address, a human check, and a per-IP rate limit. The reporter keeps a random tracking key; only
 * its hash is stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as categories from '../categories/service.ts';
import { makeChallenge, passChallenge } from './human-check.ts';
import { activeCategory, createCaseRecord, placeOf } from './intake.ts';
import * as repo from './repository.ts';

const sign = (keys: Keys, placeId: string, version: number) =>
  createHmac('sha256', keys.signing).update(`case-link:${placeId}:${version}`).digest('base64url').slice(0, 24);

export const makeLinkToken = (keys: Keys, placeId: string, version: number) =>
  `${placeId}-${version}-${sign(keys, placeId, version)}`;

function readLinkToken(keys: Keys, token: string): { placeId: string; version: number } | null {
  const m = /^(\d{1,18})-(\d{1,9})-([\w-]{24})$/.exec(token);
  if (!m) return null;
  const [, placeId, v, sig] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(sign(keys, placeId, Number(v)));
  return timingSafeEqual(expected, Buffer.from(sig)) ? { placeId, version: Number(v) } : null;
}

const LINK_TYPES = ['community', 'grid', 'building'];

export async function caseLink(ctx: Ctx, placeId: string, rotate = false) {
  const place = await placeOf(ctx.tx, placeId);
  if (!place || !LINK_TYPES.includes(place.type)) throw notFound();
  ctx.authorize('case.link.manage', place.path);
  const version = rotate
    ? await repo.rotateLink(ctx.tx, place.communityId, place.id, ctx.user!.id, ctx.now)
    : await repo.linkVersion(ctx.tx, place.communityId, place.id);
  if (rotate)
    await ctx.audit({
      action: 'case.link.rotate',
      resourceType: 'case_link',
      resourceId: place.id,
      nodeId: place.id,
      nodePath: place.path,
      detail: { version },
    });
  const token = makeLinkToken(ctx.keys, place.id, version);
  const community = place.type === 'community' ? place : await placeOf(ctx.tx, place.communityId);
  return {
    placeId: place.id,
    placeName: place.name,
    communityName: community?.name ?? '',
    token,
    url: `${ctx.config.publicUrl}/r/${token}`,
    version,
  };
}

/** The place a token points to, if the token is genuine and current. */
async function placeOfToken(ctx: Ctx, token: string) {
  const t = readLinkToken(ctx.keys, token);
  if (!t) throw notFound('link_invalid');
  const place = await placeOf(ctx.tx, t.placeId);
  if (!place || t.version !== (await repo.linkVersion(ctx.tx, place.communityId, place.id)))
    throw notFound('link_invalid');
  return place;
}

export async function reportInfo(ctx: Ctx, token: string) {
  const place = await placeOfToken(ctx, token);
  const community = await placeOf(ctx.tx, place.communityId);
  const cats = (await categories.allCategories(ctx.tx)).filter((c) => c.active && c.kind !== 'part');
  return {
    placeName: place.name,
    communityName: community?.name ?? '',
    categories: cats.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId })),
    check: makeChallenge(ctx.keys, ctx.now),
  };
}

type QrBody = Static<typeof api.caseLinks.qrReport.body>;
export const hashTrackingKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function reportByQr(
  ctx: Ctx,
  token: string,
  b: QrBody,
  checkPhotos: (ids: readonly string[]) => Promise<void>,
) {
  const place = await placeOfToken(ctx, token);
  if (!(await passChallenge(ctx.tx, ctx.keys, b.checkToken, b.checkAnswer, ctx.now)))
    throw new AppError(422, 'human_check_failed', {}, [{ path: '/checkAnswer', code: 'human_check_failed' }]);
  const category = await activeCategory(ctx.tx, b.categoryId);
  if (b.attachments?.length) await checkPhotos(b.attachments);
  const trackingKey = randomBytes(18).toString('base64url');
  const saved = await createCaseRecord(ctx, {
    place,
    category,
    source: 'qr',
    description: b.description.trim(),
    reporterIds: [],
    createdBy: null,
    role: 'reporter',
    attachments: b.attachments ?? [],
    address: b.address.trim(),
    contact: { name: b.name.trim(), phone: b.phone },
    trackingHash: hashTrackingKey(trackingKey),
  });
  await ctx.audit({
    action: 'case.report',
    resourceType: 'case',
    resourceId: saved.row.id,
    nodeId: place.id,
    nodePath: place.path,
    detail: { no: saved.row.no, source: 'qr' },
  });
  return { no: saved.row.no, trackingKey };
}

export async function track(ctx: Ctx, key: string) {
  const row = await repo.rowByTracking(ctx.tx, hashTrackingKey(key));
  if (!row) throw notFound();
  const [timeline, cat, place] = await Promise.all([
    repo.timelineOf(ctx.tx, row.community_id, row.id),
    categories.getCategory(ctx.tx, row.category_id),
    placeOf(ctx.tx, row.place_id),
  ]);
  return {
    no: row.no,
    categoryName: (ctx.lang === 'en' ? cat?.nameEn : cat?.name) ?? '',
    placeName: place?.name ?? '',
    status: row.status as Static<typeof api.caseLinks.trackCase.response>['status'],
    createdAt: row.created_at.toISOString(),
    // Staff answers are shown; the reporter's own words and any names are not.
    timeline: timeline.map((e) => ({
      type: e.type,
      at: e.at,
      toStatus: e.toStatus,
      note: e.role === 'reporter' || e.type === 'created' ? '' : e.note,
    })),
  };
}
