/** What the deliberation hall (议事厅) shows: proposals with their chain, discussion, projects and covenants. */
import Type from 'typebox';
import { AttachmentId } from './attachments.ts';
import { IsoTime, NodeId, Uuid } from './common.ts';

export const PROPOSAL_STAGES = [
  'submitted',
  'rejected',
  'merged',
  'consulting',
  'summarised',
  'voting',
  'adopted',
  'not_adopted',
] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];
export const SCOPE_KINDS = ['community', 'buildings', 'building'] as const;
export const STANCES = ['for', 'against', 'neutral'] as const;
/** 提出议题 → 把关筛选 → 开展协商 (including the vote) → 形成项目 → 推动实施 → 效果评估 → 建立公约. */
export const CHAIN_STEPS = ['propose', 'screen', 'consult', 'project', 'deliver', 'evaluate', 'covenant'] as const;
export const PROJECT_STATUSES = ['planned', 'in_progress', 'completed'] as const;

export const TITLE_MAX = 60;
export const TEXT_MAX = 2000;
export const QUESTION_MAX = 500;
export const OPTION_MAX = 100;
export const OPTIONS_MAX = 10;
export const COMMENT_MAX = 1000;
export const REASON_MAX = 500;
export const SUMMARY_MAX = 3000;
export const MINUTES_MAX = 5000;
export const COVENANT_MAX = 10000;
export const PHOTOS_MAX = 9;

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ChainStep = Type.Object({
  step: Type.Enum(CHAIN_STEPS),
  state: Type.Union([Type.Literal('done'), Type.Literal('current'), Type.Literal('waiting'), Type.Literal('stopped')]),
  startedAt: Nullable(IsoTime),
  endedAt: Nullable(IsoTime),
});

export const ProposalSummary = Type.Object({
  id: Uuid,
  communityId: NodeId,
  communityName: Type.String(),
  title: Type.String(),
  /** Plain text, never HTML. */
  excerpt: Type.String(),
  stage: Type.Enum(PROPOSAL_STAGES),
  scopeKind: Type.Enum(SCOPE_KINDS),
  scopeLabels: Type.Array(Type.String()),
  proposerLabel: Type.String(),
  byCommittee: Type.Boolean(),
  commentCount: Type.Integer(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  chain: Type.Array(ChainStep),
  mine: Type.Boolean(),
});

export const DiscussionComment = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  quoteId: Nullable(Uuid),
  quoteText: Nullable(Type.String()),
  stance: Type.Enum(STANCES),
  /** Empty when hidden (moderators still see it). */
  body: Type.String(),
  authorLabel: Type.String(),
  official: Type.Boolean(),
  status: Type.Union([Type.Literal('visible'), Type.Literal('hidden')]),
  hiddenReason: Nullable(Type.String()),
  createdAt: IsoTime,
  mine: Type.Boolean(),
});

export const Meeting = Type.Object({
  id: Uuid,
  heldOn: Type.String({ format: 'date' }),
  attendees: Type.String(),
  minutes: Type.String(),
  photos: Type.Array(AttachmentId),
  authorLabel: Type.String(),
  createdAt: IsoTime,
});

export const Milestone = Type.Object({
  id: Uuid,
  title: Type.String(),
  dueOn: Nullable(Type.String({ format: 'date' })),
  doneAt: Nullable(IsoTime),
});

export const ProjectView = Type.Object({
  id: Uuid,
  proposalId: Uuid,
  title: Type.String(),
  owner: Type.String(),
  plan: Type.String(),
  /** Budget in fen (分). */
  budgetFen: Type.Integer(),
  status: Type.Enum(PROJECT_STATUSES),
  createdAt: IsoTime,
  startedAt: Nullable(IsoTime),
  completedAt: Nullable(IsoTime),
  version: Type.Integer(),
  milestones: Type.Array(Milestone),
  progress: Type.Array(
    Type.Object({
      id: Uuid,
      body: Type.String(),
      photos: Type.Array(AttachmentId),
      authorLabel: Type.String(),
      createdAt: IsoTime,
    }),
  ),
  following: Type.Boolean(),
  followerCount: Type.Integer(),
  /** The survey after completion: anonymous answers, one per resident. */
  evaluation: Type.Object({
    count: Type.Integer(),
    average: Nullable(Type.Number()),
    mine: Nullable(Type.Object({ rating: Type.Integer(), comment: Type.String() })),
    answers: Type.Array(Type.Object({ rating: Type.Integer(), comment: Type.String(), createdAt: IsoTime })),
  }),
});

export const ProjectSummary = Type.Object({
  id: Uuid,
  proposalId: Uuid,
  proposalTitle: Type.String(),
  title: Type.String(),
  owner: Type.String(),
  budgetFen: Type.Integer(),
  status: Type.Enum(PROJECT_STATUSES),
  milestonesDone: Type.Integer(),
  milestonesTotal: Type.Integer(),
  createdAt: IsoTime,
  completedAt: Nullable(IsoTime),
  ratingAverage: Nullable(Type.Number()),
  ratingCount: Type.Integer(),
});

export const CovenantView = Type.Object({
  id: Uuid,
  communityId: NodeId,
  proposalId: Nullable(Uuid),
  title: Type.String(),
  body: Type.String(),
  /** The version in force. */
  no: Type.Integer(),
  publishedAt: IsoTime,
  updatedAt: IsoTime,
  version: Type.Integer(),
  versions: Type.Array(
    Type.Object({ no: Type.Integer(), title: Type.String(), authorLabel: Type.String(), publishedAt: IsoTime }),
  ),
  ackCount: Type.Integer(),
  ackedAt: Nullable(IsoTime),
  canAcknowledge: Type.Boolean(),
  canEdit: Type.Boolean(),
});

export const ProposalDetail = Type.Object({
  ...ProposalSummary.properties,
  background: Type.String(),
  question: Type.String(),
  options: Type.Array(Type.String()),
  attachments: Type.Array(AttachmentId),
  scopeNodeIds: Type.Array(NodeId),
  screenReason: Nullable(Type.String()),
  screenedAt: Nullable(IsoTime),
  screenedBy: Nullable(Type.String()),
  mergedInto: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  summary: Nullable(Type.String()),
  summarisedAt: Nullable(IsoTime),
  voteId: Nullable(Uuid),
  votingAt: Nullable(IsoTime),
  decidedAt: Nullable(IsoTime),
  version: Type.Integer(),
  comments: Type.Array(DiscussionComment),
  meetings: Type.Array(Meeting),
  project: Nullable(ProjectView),
  covenant: Nullable(CovenantView),
  /** What the caller may do now. */
  abilities: Type.Object({
    screen: Type.Boolean(),
    comment: Type.Boolean(),
    moderate: Type.Boolean(),
    meet: Type.Boolean(),
    summarise: Type.Boolean(),
    vote: Type.Boolean(),
    createProject: Type.Boolean(),
    manageProject: Type.Boolean(),
    follow: Type.Boolean(),
    evaluate: Type.Boolean(),
    publishCovenant: Type.Boolean(),
  }),
});
