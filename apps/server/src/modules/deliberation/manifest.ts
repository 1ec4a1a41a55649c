import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as consult from './consult.ts';
import * as covenants from './covenants.ts';
import * as projects from './projects.ts';
import * as proposals from './proposals.ts';
import { voteClosed, voteOpened } from './subscribers.ts';

const d = api.deliberation;
/** Pages that write nothing run without a transaction (RouteOptions.readOnly). */
const READ = { readOnly: true } as const;

export const deliberationModule: ModuleManifest = {
  name: 'deliberation',
  routes: [
    route(d.listProposals, (ctx, { params, query }) => proposals.list(ctx, params.id, query.stage), READ),
    route(d.createProposal, (ctx, { params, body }) => proposals.create(ctx, params.id, body)),
    route(d.getProposal, (ctx, { params }) => proposals.detail(ctx, params.id), READ),
    route(d.proposalFile, (ctx, { params }) => proposals.file(ctx, params.id, params.attachmentId), {
      cacheControl: 'private, max-age=31536000, immutable',
    }),
    route(d.screeningQueue, (ctx, { query }) => proposals.queue(ctx, query.nodeId), READ),
    route(d.screenProposal, (ctx, { params, body }) => proposals.screen(ctx, params.id, body)),
    route(d.commentProposal, (ctx, { params, body }) => consult.comment(ctx, params.id, body)),
    route(d.hideComment, (ctx, { params, body }) => consult.hide(ctx, params.id, params.commentId, body.reason)),
    route(d.addMeeting, (ctx, { params, body }) => consult.meeting(ctx, params.id, body)),
    route(d.summariseProposal, (ctx, { params, body }) => consult.summarise(ctx, params.id, body)),
    route(d.createProject, (ctx, { params, body }) => projects.create(ctx, params.id, body)),
    route(d.updateProject, (ctx, { params, body }) => projects.update(ctx, params.id, body)),
    route(d.completeMilestone, (ctx, { params }) => projects.milestoneDone(ctx, params.id, params.milestoneId)),
    route(d.addProgress, (ctx, { params, body }) => projects.progress(ctx, params.id, body)),
    route(d.followProject, (ctx, { params, body }) => projects.follow(ctx, params.id, body.following)),
    route(d.evaluateProject, (ctx, { params, body }) => projects.evaluate(ctx, params.id, body)),
    route(d.listProjects, (ctx, { params }) => projects.list(ctx, params.id), READ),
    route(d.publishCovenant, (ctx, { params, body }) => covenants.publish(ctx, params.id, body)),
    route(d.reviseCovenant, (ctx, { params, body }) => covenants.revise(ctx, params.id, body)),
    route(d.getCovenant, (ctx, { params }) => covenants.detail(ctx, params.id), READ),
    route(d.acknowledgeCovenant, (ctx, { params }) => covenants.acknowledge(ctx, params.id)),
    route(d.listCovenants, (ctx, { params, query }) => covenants.list(ctx, params.id, query.q), READ),
    route(d.scopeBuildings, (ctx, { params }) => proposals.buildings(ctx, params.id), READ),
    route(d.supervision, (ctx, { query }) => proposals.supervision(ctx, query.nodeId, query.stage), READ),
  ],
  subscribers: [voteOpened, voteClosed],
};
