/** 建立公约 covenants: published from an adopted proposal, versioned, acknowledged by residents, searchable. */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { queryTokens, searchTokens } from '../../platform/text/tokens.ts';
import { labelOf } from '../boards/labels.ts';
import { plainText } from '../notices/text.ts';
import * as org from '../org/service.ts';
import { assertManages, isResident, readableCommunity, visibleProposal } from './access.ts';
import * as repo from './covenant-repository.ts';
import { covenantView } from './views.ts';

async function visibleCovenant(ctx: Ctx, id: string) {
  const covenant = await repo.covenantById(ctx.tx, id);
  if (!covenant) throw notFound();
  const node = await org.getNode(ctx.tx, covenant.community_id);
  if (!node || !ctx.can('community.read', node.path)) throw notFound();
  return { covenant, community: { id: node.id, path: node.path, name: node.name } };
}

const tokensOf = (title: string, body: string) => searchTokens(`${title}\n${body}`);

export async function publish(ctx: Ctx, proposalId: string, b: { title: string; body: string }) {
  const { proposal, community } = await visibleProposal(ctx, proposalId);
  assertManages(ctx, community);
  if (proposal.stage !== 'adopted') throw conflict('proposal_stage');
  if (await repo.covenantOfProposal(ctx.tx, community.id, proposalId)) throw conflict('already_done');
  const title = plainText(b.title, '/title');
  const body = plainText(b.body, '/body');
  const id = randomUUID();
  await repo.insertCovenant(
    ctx.tx,
    {
      community_id: community.id,
      id,
      proposal_id: proposalId,
      title,
      body,
      current_no: 1,
      published_at: ctx.now,
      updated_at: ctx.now,
    },
    tokensOf(title, body),
  );
  await repo.insertVersion(ctx.tx, {
    community_id: community.id,
    covenant_id: id,
    no: 1,
    title,
    body,
    author_label: await labelOf(ctx, community),
    published_at: ctx.now,
  });
  await ctx.audit({
    action: 'deliberation.covenant',
    resourceType: 'delib_covenant',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proposalId, title, no: 1 },
  });
  await ctx.emit({
    topic: 'deliberation.covenant_published',
    payload: { id, proposalId, communityId: community.id, no: 1 },
    communityId: community.id,
  });
  return covenantView(ctx, (await repo.covenantById(ctx.tx, id))!, community);
}

export async function revise(ctx: Ctx, id: string, b: { version: number; title: string; body: string }) {
  const { covenant, community } = await visibleCovenant(ctx, id);
  assertManages(ctx, community);
  const title = plainText(b.title, '/title');
  const body = plainText(b.body, '/body');
  const no = covenant.current_no + 1;
  const ok = await repo.reviseCovenant(
    ctx.tx,
    covenant,
    b.version,
    { title, body, current_no: no, updated_at: ctx.now },
    tokensOf(title, body),
  );
  if (!ok) throw conflict('version_conflict');
  await repo.insertVersion(ctx.tx, {
    community_id: community.id,
    covenant_id: id,
    no,
    title,
    body,
    author_label: await labelOf(ctx, community),
    published_at: ctx.now,
  });
  await ctx.audit({
    action: 'deliberation.covenant_revise',
    resourceType: 'delib_covenant',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { title, no },
  });
  await ctx.emit({
    topic: 'deliberation.covenant_published',
    payload: { id, proposalId: covenant.proposal_id, communityId: community.id, no },
    communityId: community.id,
  });
  return covenantView(ctx, (await repo.covenantById(ctx.tx, id))!, community);
}

export async function detail(ctx: Ctx, id: string) {
  const { covenant, community } = await visibleCovenant(ctx, id);
  return covenantView(ctx, covenant, community);
}

/** A resident acknowledges the version in force; acknowledging again is a no-op. */
export async function acknowledge(ctx: Ctx, id: string) {
  const { covenant, community } = await visibleCovenant(ctx, id);
  if (!isResident(ctx, community)) throw new AppError(403, 'not_a_resident');
  const added = await repo.acknowledge(ctx.tx, {
    community_id: community.id,
    covenant_id: id,
    no: covenant.current_no,
    user_id: ctx.user!.id,
    acked_at: ctx.now,
  });
  if (added.length)
    await ctx.audit({
      action: 'deliberation.acknowledge',
      resourceType: 'delib_covenant',
      resourceId: id,
      nodeId: community.id,
      nodePath: community.path,
      detail: { no: covenant.current_no },
    });
  return covenantView(ctx, covenant, community);
}

export async function list(ctx: Ctx, communityId: string, q: string | undefined) {
  const community = await readableCommunity(ctx, communityId);
  const query = q?.trim() ? queryTokens(q) : null;
  const rows = await repo.covenantsOf(ctx.tx, community.id, query);
  return { items: await Promise.all(rows.map((r) => covenantView(ctx, r, community))) };
}
