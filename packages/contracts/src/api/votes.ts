import Type from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** Votes (表决) of the deliberation hall — docs/adr/0012-votes.md. */
export const VOTE_KINDS = ['yes_no', 'single', 'multiple'] as const;
export const ELECTORATES = ['residents', 'households', 'owners'] as const;
export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export const VOTE_PRESETS = ['simple_majority', 'art278_ordinary', 'art278_major', 'custom'] as const;
export const VOTE_TITLE_MAX = 80;
export const VOTE_QUESTION_MAX = 2000;
export const VOTE_OPTION_MAX = 40;
export const VOTE_OPTIONS_MAX = 20;

const RatioSchema = Type.Object(
  {
    num: Type.Integer({ minimum: 1, maximum: 1000 }),
    den: Type.Integer({ minimum: 1, maximum: 1000 }),
    strict: Type.Boolean(),
  },
  { additionalProperties: false },
);
const MeasureSchema = Type.Union([Type.Literal('head'), Type.Literal('area')]);
export const ThresholdsSchema = Type.Object({
  participation: Type.Union([RatioSchema, Type.Null()]),
  approval: RatioSchema,
  measures: Type.Array(MeasureSchema, { minItems: 1, maxItems: 2 }),
});

export const VoteCreate = Type.Object(
  {
    proposalId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    title: Type.String({ minLength: 1, maxLength: VOTE_TITLE_MAX }),
    question: Type.String({ minLength: 1, maxLength: VOTE_QUESTION_MAX }),
    kind: Type.Enum(VOTE_KINDS),
    /** Ignored for yes/no (同意 / 反对 / 弃权); 2–20 labels otherwise. */
    options: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: VOTE_OPTION_MAX }), { maxItems: VOTE_OPTIONS_MAX }),
    ),
    maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: VOTE_OPTIONS_MAX })),
    electorate: Type.Enum(ELECTORATES),
    /** Community, buildings, units or rooms; a proposal's vote defaults to the proposal's scope. */
    scopeNodeIds: Type.Optional(Type.Array(NodeId, { minItems: 1, maxItems: 50 })),
    secret: Type.Boolean(),
    changeable: Type.Boolean(),
    proxyAllowed: Type.Boolean(),
    preset: Type.Enum(VOTE_PRESETS),
    /** Only with preset "custom". */
    thresholds: Type.Optional(ThresholdsSchema),
    deadline: IsoTime,
  },
  { additionalProperties: false },
);

const WeightView = Type.Object({ head: Type.Integer(), area: Type.String({ description: 'hundredths of m²' }) });
const CheckView = Type.Object({
  measure: MeasureSchema,
  part: Type.String(),
  whole: Type.String(),
  ratio: RatioSchema,
  met: Type.Boolean(),
});
export const BuildingTurnout = Type.Object({
  buildingId: Type.Union([NodeId, Type.Null()]),
  buildingName: Type.String(),
  electors: Type.Integer(),
  voted: Type.Integer(),
  area: Type.String(),
  votedArea: Type.String(),
});
export const VoteResult = Type.Object({
  electorate: WeightView,
  participants: WeightView,
  options: Type.Array(
    Type.Object({
      index: Type.Integer(),
      label: Type.String(),
      weight: WeightView,
      approval: Type.Array(CheckView),
      met: Type.Boolean(),
    }),
  ),
  participation: Type.Array(CheckView),
  participationMet: Type.Boolean(),
  adoptedOptions: Type.Array(Type.Integer()),
  adopted: Type.Boolean(),
  ballots: Type.Integer(),
  chainHead: Type.String(),
});

export const VoteSummary = Type.Object({
  id: Uuid,
  communityId: NodeId,
  proposalId: Type.Union([Uuid, Type.Null()]),
  title: Type.String(),
  kind: Type.Enum(VOTE_KINDS),
  electorate: Type.Enum(ELECTORATES),
  status: Type.Enum(VOTE_STATUSES),
  secret: Type.Boolean(),
  deadline: IsoTime,
  electors: Type.Integer(),
  voted: Type.Integer(),
  adopted: Type.Union([Type.Boolean(), Type.Null()]),
  /** The caller's elector has a ballot in this vote. */
  myVoted: Type.Boolean(),
  createdAt: IsoTime,
});

export const VoteDetail = Type.Object({
  ...VoteSummary.properties,
  question: Type.String(),
  options: Type.Array(Type.String()),
  maxChoices: Type.Integer(),
  scope: Type.Array(Type.Object({ id: NodeId, name: Type.String() })),
  changeable: Type.Boolean(),
  proxyAllowed: Type.Boolean(),
  preset: Type.Enum(VOTE_PRESETS),
  thresholds: ThresholdsSchema,
  roomsWithoutArea: Type.Integer(),
  openedAt: Type.Union([IsoTime, Type.Null()]),
  closedAt: Type.Union([IsoTime, Type.Null()]),
  closedReason: Type.Union([Type.Literal('manual'), Type.Literal('deadline'), Type.Null()]),
  /** Turnout by building: for the committee while open; for everyone once closed. */
  turnout: Type.Union([Type.Array(BuildingTurnout), Type.Null()]),
  result: Type.Union([VoteResult, Type.Null()]),
  /** The caller's part: whether they may vote, for whom, and (open ballots only) what they chose. */
  me: Type.Object({
    eligible: Type.Boolean(),
    proxy: Type.Boolean(),
    electorLabel: Type.Union([Type.String(), Type.Null()]),
    votedAt: Type.Union([IsoTime, Type.Null()]),
    choices: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  }),
  version: Type.Integer(),
  abilities: Type.Object({ manage: Type.Boolean(), cast: Type.Boolean(), open: Type.Boolean(), close: Type.Boolean() }),
});

export const BallotReceipt = Type.Object({
  voteId: Uuid,
  /** Keep it: it proves the ballot is in the published chain without saying who cast it. */
  receipt: Type.String(),
  seq: Type.Integer(),
  hash: Type.String(),
  supersedes: Type.Union([Type.Integer(), Type.Null()]),
  proxy: Type.Boolean(),
  castAt: IsoTime,
});

export const ChainEntryView = Type.Object({
  seq: Type.Integer(),
  commitment: Type.String(),
  choices: Type.Array(Type.Integer()),
  head: Type.String(),
  area: Type.String(),
  supersedes: Type.Union([Type.Integer(), Type.Null()]),
  voter: Type.Union([Type.String(), Type.Null()]),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const VoteChain = Type.Object({
  format: Type.String(),
  voteId: Uuid,
  optionCount: Type.Integer(),
  head: Type.String(),
  entries: Type.Array(ChainEntryView),
  result: Type.Union([VoteResult, Type.Null()]),
});

const VoteParams = Type.Object({ id: Uuid });
const Version = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const listVotes = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/votes',
  access: { action: 'community.read' },
  summary: 'Votes of a community, newest first (drafts for the committee only)',
  tags: ['votes'],
  params: Type.Object({ id: NodeId }),
  querystring: Type.Object({
    status: Type.Optional(Type.Enum(VOTE_STATUSES)),
    proposalId: Type.Optional(Uuid),
  }),
  response: Type.Object({ items: Type.Array(VoteSummary) }),
});

export const createVote = defineRoute({
  method: 'POST',
  url: '/api/communities/:id/votes',
  access: { action: 'vote.manage' },
  summary: 'Draft a vote: question, options, electorate, ballot rules, thresholds and deadline',
  tags: ['votes'],
  params: Type.Object({ id: NodeId }),
  body: VoteCreate,
  response: VoteDetail,
  status: 201,
});

export const getVote = defineRoute({
  method: 'GET',
  url: '/api/votes/:id',
  access: { action: 'community.read' },
  summary: 'A vote with the caller’s part in it, turnout by building and (once closed) the result',
  tags: ['votes'],
  params: VoteParams,
  response: VoteDetail,
});

export const openVote = defineRoute({
  method: 'POST',
  url: '/api/votes/:id/open',
  access: { action: 'vote.manage' },
  summary: 'Open a draft vote: the electorate is snapshot from the registry with its weights',
  tags: ['votes'],
  params: VoteParams,
  body: Version,
  response: VoteDetail,
});

export const closeVote = defineRoute({
  method: 'POST',
  url: '/api/votes/:id/close',
  access: { action: 'vote.manage' },
  summary: 'Close an open vote before its deadline and publish the result',
  tags: ['votes'],
  params: VoteParams,
  body: Version,
  response: VoteDetail,
});

export const castBallot = defineRoute({
  method: 'POST',
  url: '/api/votes/:id/ballots',
  access: { action: 'vote.cast' },
  summary: 'Cast (or, where allowed, change) the caller’s ballot; answers with a receipt',
  tags: ['votes'],
  params: VoteParams,
  body: Type.Object(
    { choices: Type.Array(Type.Integer({ minimum: 0, maximum: 99 }), { minItems: 1, maxItems: VOTE_OPTIONS_MAX }) },
    { additionalProperties: false },
  ),
  response: BallotReceipt,
  status: 201,
});

export const checkReceipt = defineRoute({
  method: 'POST',
  url: '/api/votes/:id/receipt-check',
  access: { action: 'community.read' },
  summary: 'Whether a receipt’s ballot is in the chain and still current (the receipt is sent in the body)',
  tags: ['votes'],
  params: VoteParams,
  body: Type.Object({ receipt: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
  response: Type.Object({
    included: Type.Boolean(),
    current: Type.Boolean(),
    seq: Type.Union([Type.Integer(), Type.Null()]),
    hash: Type.Union([Type.String(), Type.Null()]),
    commitment: Type.String(),
  }),
});

export const voteChain = defineRoute({
  method: 'GET',
  url: '/api/votes/:id/chain',
  access: { action: 'community.read' },
  summary: 'Download the ballot hash chain of a closed vote (choices and receipt commitments; no secret voter)',
  tags: ['votes'],
  params: VoteParams,
  response: VoteChain,
});
