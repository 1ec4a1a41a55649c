/**
 * Sensitive words (敏感词): set at the district and extended at streets and communities; a community's list is
 * every word set at it or above it. Posts and comments containing one are held for a moderator's review.
 */
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ancestorPaths } from '../notices/audience.ts';
import { invalid, plainText } from '../notices/text.ts';
import * as org from '../org/service.ts';
import { WordMatcher } from './aho-corasick.ts';
import * as repo from './repository.ts';

const idsOf = (path: string) => ancestorPaths(path).map((p) => p.split('/').filter(Boolean).at(-1)!);

const view = (w: { id: string; node_id: string; node_name: string; word: string }) => ({
  id: String(w.id),
  nodeId: w.node_id,
  nodeName: w.node_name,
  word: w.word,
});

/** The matcher for a community (path): words at it and at every node above it. */
export async function matcherFor(tx: Db, path: string): Promise<WordMatcher> {
  return new WordMatcher((await repo.wordsAt(tx, idsOf(path))).map((w) => w.word));
}

async function nodeInScope(ctx: Ctx, nodeId: string | undefined) {
  if (!nodeId) {
    const [scope] = listingScope(ctx.actor, 'board.moderate');
    return (await org.getNode(ctx.tx, scope!.split('/').filter(Boolean).at(-1)!))!;
  }
  const node = await org.getNode(ctx.tx, nodeId);
  if (!node) throw notFound();
  ctx.authorize('board.moderate', node.path);
  return node;
}

export async function list(ctx: Ctx, nodeId: string | undefined) {
  const node = await nodeInScope(ctx, nodeId);
  return { items: (await repo.wordsAt(ctx.tx, idsOf(node.path))).map(view) };
}

export async function add(ctx: Ctx, nodeId: string, words: string[]) {
  const node = await org.getNode(ctx.tx, nodeId);
  if (!node || !ctx.can('board.moderate', node.path)) throw invalid('/nodeId', 'not_found');
  const clean = [...new Set(words.map((w, i) => plainText(w, `/words/${i}`)))];
  await repo.insertWords(ctx.tx, node.id, clean, ctx.now);
  await ctx.audit({
    action: 'board.words.add',
    resourceType: 'board_word',
    nodeId: node.id,
    nodePath: node.path,
    detail: { words: clean },
  });
  return list(ctx, node.id);
}

export async function remove(ctx: Ctx, id: string) {
  const w = await repo.wordById(ctx.tx, id);
  if (!w) throw notFound();
  ctx.authorize('board.moderate', w.path);
  await repo.deleteWord(ctx.tx, id);
  await ctx.audit({
    action: 'board.words.remove',
    resourceType: 'board_word',
    resourceId: id,
    nodeId: w.node_id,
    nodePath: w.path,
    detail: { word: w.word },
  });
  return { ok: true as const };
}
