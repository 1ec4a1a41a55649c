import { randomUUID } from 'node:crypto';
import { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { assertAttachable, readAttachment } from '../attachments/service.ts';
import { invalid, plainText } from '../notices/text.ts';
import {
  type Community,
  hometownVillage,
  isHometownMember,
  isMember,
  isPartyMember,
  moderates,
  readableCommunity,
  speaks,
  visiblePost,
} from './access.ts';
import { labelOf } from './labels.ts';
import { allowedSteps, nextStage, postDenial } from './policy.ts';
import * as repo from './repository.ts';
import { cursorOf, parseCursor, toSummary } from './views.ts';
import { matcherFor } from './words.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The full post for the caller: comments they may see, whether they liked it, what they may do. */
export async function detailOf(ctx: Ctx, post: repo.PostRow, community: Community) {
  const me = ctx.user!.id;
  const mod = moderates(ctx, community);
  const [comments, liked, following] = await Promise.all([
    repo.commentsOf(ctx.tx, post.community_id, post.id),
    repo.liked(ctx.tx, post.community_id, post.id, me),
    repo.following(ctx.tx, post.community_id, post.id, me),
  ]);
  const visible = post.status === 'visible';
  return {
    ...toSummary(post, me),
    body: post.body,
    attachments: post.attachments,
    thanks: post.thanks,
    caseId: post.case_id,
    proposalId: post.proposal_id,
    heldWords: post.author_id === me || mod ? post.held_words : [],
    moderationReason: post.author_id === me || mod ? post.moderation_reason : null,
    liked,
    following,
    comments: comments
      .filter((c) => c.status === 'visible' || c.author_id === me || mod)
      .map((c) => ({
        id: c.id,
        authorLabel: c.author_label,
        official: c.official,
        partyBadge: c.party_badge,
        body: c.body,
        status: c.status as 'visible' | 'held' | 'hidden',
        createdAt: iso(c.created_at),
        mine: c.author_id === me,
      })),
    version: post.version,
    abilities: {
      edit: post.author_id === me && post.status !== 'hidden',
      steps: visible ? allowedSteps(post, me) : [],
      comment: visible && (speaks(ctx, community, post.board) || mod),
      moderate: mod,
      convert: visible && post.board === 'local' && !post.case_id && mod && ctx.can('case.report', community.path),
      propose:
        visible && post.board === 'local' && !post.proposal_id && mod && ctx.can('deliberation.screen', community.path),
      partyBadge: isPartyMember(ctx, community),
    },
  };
}

async function reload(ctx: Ctx, id: string, community: Community) {
  return detailOf(ctx, (await repo.postById(ctx.tx, id))!, community);
}

type CreateBody = Static<typeof api.boards.createPost.body>;

/** A village's hometown board is open to its hometown members; every other board to community readers. */
const boardCommunity = (ctx: Ctx, id: string, board: string | undefined) =>
  board === 'hometown' ? hometownVillage(ctx, id) : readableCommunity(ctx, id);

export async function create(ctx: Ctx, communityId: string, b: CreateBody) {
  const community = await boardCommunity(ctx, communityId, b.board);
  if (!(api.boards.BOARD_KINDS[b.board] as readonly string[]).includes(b.kind)) throw invalid('/kind', 'enum');
  if (b.board === 'hometown' && community.kind !== 'village') throw invalid('/board', 'hometown_villages_only');
  const partyMember = isPartyMember(ctx, community);
  const denial = postDenial(b.board, b.kind, {
    member: isMember(ctx, community),
    hometown: isHometownMember(ctx, community),
    moderator: moderates(ctx, community),
    partyMember,
  });
  if (denial) throw new AppError(403, denial);
  if (b.showPartyBadge && !partyMember) throw new AppError(403, 'not_a_party_member');
  const title = plainText(b.title, '/title');
  const body = plainText(b.body, '/body');
  const attachments = [...new Set(b.attachments ?? [])];
  if (attachments.length)
    await assertAttachable(ctx.tx, attachments, { userId: ctx.user!.id, now: ctx.now }, '/attachments');
  const held = (await matcherFor(ctx.tx, community.path)).find(`${title}\n${body}`);
  const id = randomUUID();
  await repo.insertPost(ctx.tx, {
    community_id: community.id,
    id,
    board: b.board,
    kind: b.kind,
    title,
    body,
    attachments,
    author_id: ctx.user!.id,
    author_label: await labelOf(ctx, community),
    status: held.length ? 'held' : 'visible',
    stage: 'open',
    taker_id: null,
    taker_label: null,
    thanks: null,
    case_id: null,
    case_no: null,
    held_words: held,
    moderation_reason: null,
    party_badge: b.showPartyBadge === true,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  // Authors follow their own posts: they hear about every comment.
  await repo.setFollow(ctx.tx, community.id, id, ctx.user!.id, true, ctx.now);
  await ctx.audit({
    action: 'board.post',
    resourceType: 'board_post',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { board: b.board, kind: b.kind, title, held },
  });
  await ctx.emit({
    topic: 'board.posted',
    payload: { id, communityId: community.id, board: b.board, held: held.length > 0 },
    communityId: community.id,
  });
  return reload(ctx, id, community);
}

type ListQuery = Static<typeof api.boards.listPosts.querystring>;

export async function list(ctx: Ctx, communityId: string, q: ListQuery) {
  const community = await boardCommunity(ctx, communityId, q.board);
  const limit = q.limit ?? 20;
  const rows = await repo.postsOf(ctx.tx, community.id, {
    board: q.board,
    before: parseCursor(q.cursor),
    limit,
    userId: ctx.user!.id,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => toSummary(r, ctx.user!.id)),
    nextCursor: rows.length > limit && last ? cursorOf(last.created_at, last.id) : null,
  };
}

export async function detail(ctx: Ctx, id: string) {
  const { post, community } = await visiblePost(ctx, id);
  return detailOf(ctx, post, community);
}

type UpdateBody = Static<typeof api.boards.updatePost.body>;

/** Only the author edits, and the edit is checked for sensitive words again (a held post stays held). */
export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const { post, community } = await visiblePost(ctx, id);
  if (post.author_id !== ctx.user!.id) throw new AppError(403, 'not_author');
  if (post.status === 'hidden') throw conflict('post_hidden');
  const title = b.title !== undefined ? plainText(b.title, '/title') : post.title;
  const body = b.body !== undefined ? plainText(b.body, '/body') : post.body;
  const held = (await matcherFor(ctx.tx, community.path)).find(`${title}\n${body}`);
  const status = held.length ? 'held' : post.status === 'held' && post.held_words.length ? 'visible' : post.status;
  const ok = await repo.updatePost(ctx.tx, post, b.version, {
    title,
    body,
    held_words: held,
    status,
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'board.edit',
    resourceType: 'board_post',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { title, held },
  });
  return reload(ctx, id, community);
}

type StepBody = Static<typeof api.boards.stepPost.body>;

export async function step(ctx: Ctx, id: string, b: StepBody) {
  const { post, community } = await visiblePost(ctx, id);
  if (post.status !== 'visible') throw conflict('post_not_visible');
  const me = ctx.user!.id;
  const next = nextStage(post, b.step, me);
  if ('error' in next) {
    if (next.error === 'not_allowed') throw new AppError(403, 'step_not_allowed');
    throw conflict('illegal_step');
  }
  if ((b.step === 'take' || b.step === 'reserve') && !speaks(ctx, community, post.board))
    throw new AppError(403, 'not_a_member');
  const taking = b.step === 'take' || b.step === 'reserve';
  const releasing = b.step === 'release';
  const thanks = b.step === 'thank' ? plainText(b.note ?? '谢谢！', '/note') : undefined;
  const ok = await repo.updatePost(ctx.tx, post, b.version, {
    stage: next.stage,
    ...(taking ? { taker_id: me, taker_label: await labelOf(ctx, community) } : {}),
    ...(releasing ? { taker_id: null, taker_label: null } : {}),
    ...(thanks ? { thanks } : {}),
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: `board.${b.step}`,
    resourceType: 'board_post',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { from: post.stage, to: next.stage },
  });
  return reload(ctx, id, community);
}

export async function attachment(ctx: Ctx, id: string, attachmentId: string) {
  const { post } = await visiblePost(ctx, id);
  if (!post.attachments.includes(attachmentId)) throw notFound();
  const file = await readAttachment(ctx, ctx.tx, attachmentId);
  if (!file) throw notFound();
  ctx.reply.type(file.mime);
  ctx.reply.header('x-content-type-options', 'nosniff');
  return file.bytes;
}
