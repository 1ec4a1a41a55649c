/**
 * 身边事 → case: the committee turns a resident's post into a case through the cases module's intake service
 * (the author becomes the reporter, the post's photos come along). The post keeps the case id and number; the
 * case finds its post through `GET /api/board-posts/by-case/:caseId`. No case table is touched here.
 */
import type { Role } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { activeCategory, createCaseRecord, placeOf } from '../cases/intake.ts';
import { invalid } from '../notices/text.ts';
import { visiblePost } from './access.ts';
import { detailOf } from './posts.ts';
import * as repo from './repository.ts';
import { toSummary } from './views.ts';

export async function convert(ctx: Ctx, id: string, b: { version: number; categoryId: string; placeId?: string }) {
  const { post, community } = await visiblePost(ctx, id);
  ctx.authorize('board.moderate', community.path);
  ctx.authorize('case.report', community.path);
  if (post.board !== 'local') throw conflict('not_convertible');
  if (post.status !== 'visible') throw conflict('post_not_visible');
  if (post.case_id) throw conflict('already_converted');
  if (post.version !== b.version) throw conflict('version_conflict');
  const place = await placeOf(ctx.tx, b.placeId ?? community.id);
  if (!place || place.communityId !== community.id) throw invalid('/placeId', 'not_found');
  const category = await activeCategory(ctx.tx, b.categoryId);
  const grant = ctx.grants.find((g) => place.path.startsWith(g.path) && ctx.can('case.report', g.path));
  const saved = await createCaseRecord(ctx, {
    place,
    category,
    source: 'app',
    description: `${post.title}\n${post.body}`.slice(0, 2000),
    reporterIds: [post.author_id],
    createdBy: ctx.user!.id,
    role: (grant?.role ?? 'community_secretary') as Role,
    attachments: post.attachments,
    isPublic: false,
  });
  const ok = await repo.updatePost(ctx.tx, post, b.version, {
    case_id: saved.row.id,
    case_no: saved.row.no,
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'case.report',
    resourceType: 'case',
    resourceId: saved.row.id,
    nodeId: place.id,
    nodePath: place.path,
    detail: { no: saved.row.no, source: 'board', postId: post.id, categoryId: category.id },
  });
  await ctx.audit({
    action: 'board.convert',
    resourceType: 'board_post',
    resourceId: post.id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { caseId: saved.row.id, caseNo: saved.row.no },
  });
  return detailOf(ctx, (await repo.postById(ctx.tx, post.id))!, community);
}

/** The post a case came from, for whoever may see that post. */
export async function postOfCase(ctx: Ctx, caseId: string) {
  const row = await repo.postByCase(ctx.tx, caseId);
  if (!row) throw notFound();
  const { post } = await visiblePost(ctx, row.id);
  return toSummary(post, ctx.user!.id);
}
