import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { cast, checkReceipt } from './ballots.ts';
import { close, deadlineJob } from './closing.ts';
import { create, open } from './drafts.ts';
import { chain, detail, list } from './views.ts';

const READ = { readOnly: true } as const;

/** Votes of the deliberation hall (docs/adr/0012-votes.md). */
export const votesModule: ModuleManifest = {
  name: 'votes',
  routes: [
    route(api.votes.listVotes, (ctx, { params, query }) => list(ctx, params.id, query), READ),
    route(api.votes.createVote, (ctx, { params, body }) => create(ctx, params.id, body)),
    route(api.votes.getVote, (ctx, { params }) => detail(ctx, params.id), READ),
    route(api.votes.openVote, (ctx, { params, body }) => open(ctx, params.id, body.version)),
    route(api.votes.closeVote, (ctx, { params, body }) => close(ctx, params.id, body.version)),
    route(api.votes.castBallot, (ctx, { params, body }) => cast(ctx, params.id, body.choices)),
    route(api.votes.checkReceipt, (ctx, { params, body }) => checkReceipt(ctx, params.id, body.receipt), READ),
    route(api.votes.voteChain, (ctx, { params }) => chain(ctx, params.id), READ),
  ],
  jobs: [deadlineJob],
};
