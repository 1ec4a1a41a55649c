/** Deliberation hall (议事厅) routes: docs/adr/0011-deliberation.md. The vote itself is the votes module's. */
import Type from 'typebox';
import { AttachmentId } from './attachments.ts';
import { NodeId, Uuid } from './common.ts';
import {
  COMMENT_MAX,
  COVENANT_MAX,
  CovenantView,
  MINUTES_MAX,
  OPTION_MAX,
  OPTIONS_MAX,
  PHOTOS_MAX,
  PROJECT_STATUSES,
  PROPOSAL_STAGES,
  ProjectSummary,
  ProposalDetail,
  ProposalSummary,
  QUESTION_MAX,
  REASON_MAX,
  SCOPE_KINDS,
  STANCES,
  SUMMARY_MAX,
  TEXT_MAX,
  TITLE_MAX,
} from './deliberation-views.ts';
import { defineRoute } from './route.ts';

export * from './deliberation-views.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Version = Type.Integer({ minimum: 1 });
const Photos = Type.Optional(Type.Array(AttachmentId, { maxItems: PHOTOS_MAX }));
const Day = Type.String({ format: 'date' });
const tags = ['deliberation'];
const ProposalParams = Type.Object({ id: Uuid });
const ProjectParams = Type.Object({ id: Uuid });
const CovenantParams = Type.Object({ id: Uuid });

export const listProposals = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/proposals',
  access: { action: 'community.read' },
  summary: 'Proposals of a community (submitted, rejected and merged ones only for their proposer and the committee)',
  tags,
  params: Type.Object({ id: NodeId }),
  querystring: Type.Object({ stage: Type.Optional(Type.Enum(PROPOSAL_STAGES)) }),
  response: Type.Object({ items: Type.Array(ProposalSummary) }),
});

export const createProposal = defineRoute({
  method: 'POST',
  url: '/api/communities/:id/proposals',
  access: { action: 'deliberation.propose' },
  summary: 'A verified resident or the committee raises a question for the community (提出议题)',
  tags,
  params: Type.Object({ id: NodeId }),
  body: Type.Object(
    {
      title: Text(TITLE_MAX),
      background: Text(TEXT_MAX),
      question: Text(QUESTION_MAX),
      options: Type.Optional(Type.Array(Text(OPTION_MAX), { maxItems: OPTIONS_MAX })),
      attachments: Photos,
      scopeKind: Type.Enum(SCOPE_KINDS),
      /** Buildings (org nodes inside the community); empty for the whole community. */
      scopeNodeIds: Type.Optional(Type.Array(NodeId, { maxItems: 50 })),
    },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
  status: 201,
});

export const getProposal = defineRoute({
  method: 'GET',
  url: '/api/proposals/:id',
  access: { auth: 'authenticated' },
  summary: 'A proposal with its whole chain: discussion, meetings, summary, vote, project, evaluation, covenant',
  tags,
  params: ProposalParams,
  response: ProposalDetail,
});

export const proposalFile = defineRoute({
  method: 'GET',
  url: '/api/proposals/:id/files/:attachmentId',
  access: { auth: 'authenticated' },
  summary: 'A photo of the proposal, one of its meetings or its project’s progress',
  tags,
  params: Type.Object({ id: Uuid, attachmentId: AttachmentId }),
  response: null,
});

export const screeningQueue = defineRoute({
  method: 'GET',
  url: '/api/deliberation/screening',
  access: { action: 'deliberation.screen' },
  summary: 'Proposals waiting for the committee (把关), oldest first, with how long each has waited',
  tags,
  querystring: Type.Object({ nodeId: Type.Optional(NodeId) }),
  response: Type.Object({ items: Type.Array(ProposalSummary) }),
});

export const screenProposal = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/screen',
  access: { action: 'deliberation.screen' },
  summary: 'The committee opens a proposal for consultation, merges it into another, or rejects it with a reason',
  tags,
  params: ProposalParams,
  body: Type.Object(
    {
      version: Version,
      decision: Type.Union([Type.Literal('approve'), Type.Literal('merge'), Type.Literal('reject')]),
      /** Public: required to merge or reject. */
      reason: Type.Optional(Text(REASON_MAX)),
      mergeInto: Type.Optional(Uuid),
    },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
});

export const commentProposal = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/comments',
  access: { auth: 'authenticated' },
  summary: 'Take part in the consultation: a stance and a comment, optionally replying to or quoting another',
  tags,
  params: ProposalParams,
  body: Type.Object(
    {
      stance: Type.Enum(STANCES),
      body: Text(COMMENT_MAX),
      parentId: Type.Optional(Uuid),
      quoteId: Type.Optional(Uuid),
    },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
  status: 201,
});

export const hideComment = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/comments/:commentId/hide',
  access: { action: 'deliberation.manage' },
  summary: 'The committee hides a comment with a reason shown in its place (audited)',
  tags,
  params: Type.Object({ id: Uuid, commentId: Uuid }),
  body: Type.Object({ reason: Text(REASON_MAX) }, { additionalProperties: false }),
  response: ProposalDetail,
});

export const addMeeting = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/meetings',
  access: { action: 'deliberation.manage' },
  summary: 'Record an offline consultation meeting: date, attendees, minutes and photos',
  tags,
  params: ProposalParams,
  body: Type.Object(
    { heldOn: Day, attendees: Text(REASON_MAX), minutes: Text(MINUTES_MAX), photos: Photos },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
  status: 201,
});

export const summariseProposal = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/summary',
  access: { action: 'deliberation.manage' },
  summary: 'The committee writes the summary of arguments; with `close`, discussion ends (stage summarised)',
  tags,
  params: ProposalParams,
  body: Type.Object(
    { version: Version, summary: Text(SUMMARY_MAX), close: Type.Boolean() },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
});

export const createProject = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/project',
  access: { action: 'deliberation.manage' },
  summary: 'An adopted proposal becomes a project (形成项目) with owner, plan, budget and milestones',
  tags,
  params: ProposalParams,
  body: Type.Object(
    {
      title: Text(TITLE_MAX),
      owner: Text(TITLE_MAX),
      plan: Text(TEXT_MAX),
      budgetFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
      milestones: Type.Array(Type.Object({ title: Text(TITLE_MAX), dueOn: Type.Optional(Day) }), {
        maxItems: 20,
      }),
    },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
  status: 201,
});

export const updateProject = defineRoute({
  method: 'PATCH',
  url: '/api/projects/:id',
  access: { action: 'deliberation.manage' },
  summary: 'Change a project’s owner, plan, budget or status (planned → in_progress → completed); `version` guards',
  tags,
  params: ProjectParams,
  body: Type.Object(
    {
      version: Version,
      owner: Type.Optional(Text(TITLE_MAX)),
      plan: Type.Optional(Text(TEXT_MAX)),
      budgetFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
      status: Type.Optional(Type.Enum(PROJECT_STATUSES)),
    },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
});

export const completeMilestone = defineRoute({
  method: 'POST',
  url: '/api/projects/:id/milestones/:milestoneId/done',
  access: { action: 'deliberation.manage' },
  summary: 'Mark a milestone reached',
  tags,
  params: Type.Object({ id: Uuid, milestoneId: Uuid }),
  response: ProposalDetail,
});

export const addProgress = defineRoute({
  method: 'POST',
  url: '/api/projects/:id/progress',
  access: { action: 'deliberation.manage' },
  summary: 'A progress update with photos (推动实施); followers are notified',
  tags,
  params: ProjectParams,
  body: Type.Object({ body: Text(TEXT_MAX), photos: Photos }, { additionalProperties: false }),
  response: ProposalDetail,
  status: 201,
});

export const followProject = defineRoute({
  method: 'POST',
  url: '/api/projects/:id/follow',
  access: { auth: 'authenticated' },
  summary: 'A member of the community follows (or stops following) a project',
  tags,
  params: ProjectParams,
  body: Type.Object({ following: Type.Boolean() }, { additionalProperties: false }),
  response: ProposalDetail,
});

export const evaluateProject = defineRoute({
  method: 'POST',
  url: '/api/projects/:id/evaluation',
  access: { auth: 'authenticated' },
  summary: 'A resident of the proposal’s scope rates a completed project once (效果评估): 1–5 and a comment',
  tags,
  params: ProjectParams,
  body: Type.Object(
    {
      rating: Type.Integer({ minimum: 1, maximum: 5 }),
      comment: Type.Optional(Type.String({ maxLength: REASON_MAX })),
    },
    { additionalProperties: false },
  ),
  response: ProposalDetail,
  status: 201,
});

export const listProjects = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/projects',
  access: { action: 'community.read' },
  summary: 'A community’s projects with milestones reached and survey results',
  tags,
  params: Type.Object({ id: NodeId }),
  response: Type.Object({ items: Type.Array(ProjectSummary) }),
});

const CovenantBody = { title: Text(TITLE_MAX), body: Text(COVENANT_MAX) };

export const publishCovenant = defineRoute({
  method: 'POST',
  url: '/api/proposals/:id/covenant',
  access: { action: 'deliberation.manage' },
  summary: 'The committee publishes a covenant (建立公约) from an adopted proposal',
  tags,
  params: ProposalParams,
  body: Type.Object(CovenantBody, { additionalProperties: false }),
  response: CovenantView,
  status: 201,
});

export const reviseCovenant = defineRoute({
  method: 'PUT',
  url: '/api/covenants/:id',
  access: { action: 'deliberation.manage' },
  summary: 'A new version of a covenant (residents acknowledge it afresh); `version` guards lost updates',
  tags,
  params: CovenantParams,
  body: Type.Object({ version: Version, ...CovenantBody }, { additionalProperties: false }),
  response: CovenantView,
});

export const getCovenant = defineRoute({
  method: 'GET',
  url: '/api/covenants/:id',
  access: { auth: 'authenticated' },
  summary: 'A covenant with its versions and how many acknowledged the one in force',
  tags,
  params: CovenantParams,
  response: CovenantView,
});

export const acknowledgeCovenant = defineRoute({
  method: 'POST',
  url: '/api/covenants/:id/acknowledge',
  access: { auth: 'authenticated' },
  summary: 'A resident acknowledges the version in force (知晓并遵守)',
  tags,
  params: CovenantParams,
  response: CovenantView,
});

export const listCovenants = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/covenants',
  access: { action: 'community.read' },
  summary: 'A community’s covenants, searchable in Chinese (words and bigrams)',
  tags,
  params: Type.Object({ id: NodeId }),
  querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) }),
  response: Type.Object({ items: Type.Array(CovenantView) }),
});

export const supervision = defineRoute({
  method: 'GET',
  url: '/api/deliberation/supervision',
  access: { action: 'deliberation.observe' },
  summary: 'Every proposal in the caller’s subtree with its chain and timing (street and district supervision)',
  tags,
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    stage: Type.Optional(Type.Enum(PROPOSAL_STAGES)),
  }),
  response: Type.Object({ items: Type.Array(ProposalSummary), truncated: Type.Boolean() }),
});

export const scopeBuildings = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/proposal-buildings',
  access: { action: 'community.read' },
  summary: 'The buildings of a community a proposal may concern (for the scope picker)',
  tags,
  params: Type.Object({ id: NodeId }),
  response: Type.Object({ items: Type.Array(Type.Object({ id: NodeId, name: Type.String() })) }),
});
