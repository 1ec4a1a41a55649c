import Type, { type Static } from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { Binding, FormFields, TASK_STATUSES } from './form-fields.ts';
import { defineRoute } from './route.ts';

export * from './form-fields.ts';

export const FormCreate = Type.Object(
  {
    /** The node the caller designs for (where they hold form.design): a street, the district … */
    ownerNodeId: NodeId,
    title: Type.String({ minLength: 1, maxLength: 80 }),
    fields: FormFields,
  },
  { additionalProperties: false },
);
export const FormUpdate = Type.Object(
  { version: Type.Integer({ minimum: 1 }), title: Type.String({ minLength: 1, maxLength: 80 }), fields: FormFields },
  { additionalProperties: false },
);

export const FormSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  ownerNodeId: NodeId,
  ownerName: Type.String(),
  currentVersion: Type.Integer(),
  version: Type.Integer(),
  fieldCount: Type.Integer(),
  boundCount: Type.Integer(),
  createdAt: IsoTime,
});
export const FormDetail = Type.Object({
  ...FormSummary.properties,
  fields: FormFields,
  /** The current version has been sent: saving creates a new version. */
  sent: Type.Boolean(),
  sends: Type.Array(
    Type.Object({ id: Uuid, versionNo: Type.Integer(), deadline: IsoTime, sentAt: IsoTime, targets: Type.Integer() }),
  ),
});

export const SendBody = Type.Object(
  {
    /** The form's optimistic version (the caller sends what they reviewed). */
    version: Type.Integer({ minimum: 1 }),
    targetNodeIds: Type.Array(NodeId, { minItems: 1, maxItems: 1000 }),
    deadline: IsoTime,
  },
  { additionalProperties: false },
);
export const SendResult = Type.Object({
  sendId: Uuid,
  versionNo: Type.Integer(),
  tasks: Type.Array(
    Type.Object({ taskId: Uuid, targetNodeId: NodeId, targetName: Type.String(), status: Type.Enum(TASK_STATUSES) }),
  ),
});

const Values = Type.Record(Type.String(), Type.Unknown());
export const TaskSummary = Type.Object({
  id: Uuid,
  formId: Uuid,
  title: Type.String(),
  versionNo: Type.Integer(),
  targetNodeId: NodeId,
  targetName: Type.String(),
  deadline: IsoTime,
  status: Type.Enum(TASK_STATUSES),
  submittedAt: Type.Union([IsoTime, Type.Null()]),
  version: Type.Integer(),
});
export const TaskDetail = Type.Object({
  ...TaskSummary.properties,
  fields: FormFields,
  /** Every bound field's value computed from the registry for the target (as it stands now until submitted). */
  prefill: Values,
  answers: Values,
  /** Bound fields whose answer differs from the registry's value. */
  corrections: Type.Array(Type.Object({ key: Type.String(), registry: Type.Unknown(), answer: Type.Unknown() })),
  abilities: Type.Object({ edit: Type.Boolean(), submit: Type.Boolean() }),
});
export const TaskDraft = Type.Object(
  { version: Type.Integer({ minimum: 1 }), answers: Values },
  { additionalProperties: false },
);
const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const BoardRow = Type.Object({
  taskId: Uuid,
  targetNodeId: NodeId,
  targetName: Type.String(),
  communityName: Type.String(),
  versionNo: Type.Integer(),
  status: Type.Enum(TASK_STATUSES),
  deadline: IsoTime,
  overdue: Type.Boolean(),
  submittedAt: Type.Union([IsoTime, Type.Null()]),
});
export const Board = Type.Object({
  items: Type.Array(BoardRow),
  totals: Type.Object({ targets: Type.Integer(), done: Type.Integer(), open: Type.Integer(), overdue: Type.Integer() }),
});

/** A node of the roll-up: numbers summed, choices counted, lists concatenated over the answered targets. */
export const RollupNode = Type.Object({
  nodeId: NodeId,
  name: Type.String(),
  type: Type.String(),
  depth: Type.Integer(),
  answered: Type.Integer(),
  values: Values,
  /** The answered task of a node that is itself a target: its photos are at /api/form-tasks/:id/photos/…. */
  taskId: Type.Optional(Uuid),
});
export const Rollup = Type.Object({
  formId: Uuid,
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), type: Type.String() })),
  nodes: Type.Array(RollupNode),
});

export const BurdenCounts = Type.Object({
  answeredTasks: Type.Integer(),
  registryAnswered: Type.Integer(),
  prefilled: Type.Integer(),
  corrected: Type.Integer(),
  typed: Type.Integer(),
  duplicatesAvoided: Type.Integer(),
  minutesSaved: Type.Number(),
  minutesSpent: Type.Number(),
});
export const FormBurden = Type.Object({
  formId: Uuid,
  total: BurdenCounts,
  communities: Type.Array(Type.Object({ communityId: NodeId, name: Type.String(), ...BurdenCounts.properties })),
  minutesPerField: Type.Record(Type.String(), Type.Number()),
});
export const BurdenRanking = Type.Object({
  items: Type.Array(
    Type.Object({ requesterId: Uuid, requesterName: Type.String(), forms: Type.Integer(), ...BurdenCounts.properties }),
  ),
  minutesPerField: Type.Record(Type.String(), Type.Number()),
});

export const OverlapBody = Type.Object(
  {
    ownerNodeId: NodeId,
    fields: FormFields,
    /** Earlier forms sent within this many days count (default 90). */
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export const Overlap = Type.Object({
  fields: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      /** The registry answers this field (already bound, or a binding is suggested for it). */
      registry: Type.Union([Binding, Type.Null()]),
      alreadyBound: Type.Boolean(),
      /** Earlier forms (within the caller's scope and the last N days) that asked the same thing. */
      earlier: Type.Array(
        Type.Object({
          formId: Uuid,
          title: Type.String(),
          fieldKey: Type.String(),
          sentAt: IsoTime,
          answeredTargets: Type.Integer(),
          mine: Type.Boolean(),
        }),
      ),
    }),
  ),
});

const FormParams = Type.Object({ id: Uuid });

export const createForm = defineRoute({
  method: 'POST',
  url: '/api/forms',
  access: { action: 'form.design' },
  summary: 'Design a form: typed fields, required/conditional, bindings to the registry',
  tags: ['forms'],
  body: FormCreate,
  response: FormDetail,
  status: 201,
});
export const listForms = defineRoute({
  method: 'GET',
  url: '/api/forms',
  access: { action: 'form.design' },
  summary: 'The caller’s forms, newest first',
  tags: ['forms'],
  response: Type.Object({ items: Type.Array(FormSummary) }),
});
export const getForm = defineRoute({
  method: 'GET',
  url: '/api/forms/:id',
  access: { action: 'form.design' },
  summary: 'A form with its current fields and sends',
  tags: ['forms'],
  params: FormParams,
  response: FormDetail,
});
export const updateForm = defineRoute({
  method: 'PUT',
  url: '/api/forms/:id',
  access: { action: 'form.design' },
  summary: 'Change a form; once its current version was sent, this creates a new version',
  tags: ['forms'],
  params: FormParams,
  body: FormUpdate,
  response: FormDetail,
});
export const formOverlap = defineRoute({
  method: 'POST',
  url: '/api/form-overlap',
  access: { action: 'form.design' },
  summary: 'Duplicate guard: fields the registry answers or earlier forms already asked (reads only)',
  tags: ['forms'],
  body: OverlapBody,
  response: Overlap,
});
export const sendForm = defineRoute({
  method: 'POST',
  url: '/api/forms/:id/send',
  access: { action: 'form.design' },
  summary: 'Send the current version to communities or grids with a deadline; one task per target',
  tags: ['forms'],
  params: FormParams,
  body: SendBody,
  response: SendResult,
  status: 201,
});
export const formBoard = defineRoute({
  method: 'GET',
  url: '/api/forms/:id/board',
  access: { action: 'form.design' },
  summary: 'Completion board: every target’s task and its state',
  tags: ['forms'],
  params: FormParams,
  response: Board,
});
export const formRollup = defineRoute({
  method: 'GET',
  url: '/api/forms/:id/rollup',
  access: { action: 'form.design' },
  summary: 'Answers aggregated up the tree (requester only)',
  tags: ['forms'],
  params: FormParams,
  response: Rollup,
});
export const formExport = defineRoute({
  method: 'GET',
  url: '/api/forms/:id/export',
  access: { action: 'form.design' },
  summary: 'The answers as XLSX, one row per target, columns in the form’s order',
  tags: ['forms'],
  params: FormParams,
  response: null,
});
export const formBurden = defineRoute({
  method: 'GET',
  url: '/api/forms/:id/burden',
  access: { action: 'form.design' },
  summary: 'Burden meter of a form: fields pre-filled vs typed, duplicates avoided, minutes saved',
  tags: ['forms'],
  params: FormParams,
  response: FormBurden,
});
export const burdenRanking = defineRoute({
  method: 'GET',
  url: '/api/form-burden',
  access: { action: 'form.oversee' },
  summary: 'Requesters ranked by the burden their forms created (district view)',
  tags: ['forms'],
  response: BurdenRanking,
});
export const reopenTask = defineRoute({
  method: 'POST',
  url: '/api/form-tasks/:id/reopen',
  access: { action: 'form.design' },
  summary: 'The requester reopens a submitted or overdue task',
  tags: ['forms'],
  params: FormParams,
  body: VersionBody,
  response: TaskSummary,
});
export const listTasks = defineRoute({
  method: 'GET',
  url: '/api/form-tasks',
  access: { action: 'form.fill' },
  summary: 'Form tasks of the caller’s communities and grids, open first',
  tags: ['forms'],
  querystring: Type.Object({ status: Type.Optional(Type.Enum(TASK_STATUSES)) }),
  response: Type.Object({ items: Type.Array(TaskSummary) }),
});
export const getTask = defineRoute({
  method: 'GET',
  url: '/api/form-tasks/:id',
  access: { action: 'form.fill' },
  summary: 'A task with every bound value pre-filled from the registry',
  tags: ['forms'],
  params: FormParams,
  response: TaskDetail,
});
export const saveTaskDraft = defineRoute({
  method: 'PUT',
  url: '/api/form-tasks/:id',
  access: { action: 'form.fill' },
  summary: 'Save a draft of the answers (optimistic version)',
  tags: ['forms'],
  params: FormParams,
  body: TaskDraft,
  response: TaskDetail,
});
export const submitTask = defineRoute({
  method: 'POST',
  url: '/api/form-tasks/:id/submit',
  access: { action: 'form.fill' },
  summary: 'Submit the answers: types, required fields and the deadline are checked',
  tags: ['forms'],
  params: FormParams,
  body: TaskDraft,
  response: TaskDetail,
});

export type FormCreateT = Static<typeof FormCreate>;
export type FormUpdateT = Static<typeof FormUpdate>;
export type SendBodyT = Static<typeof SendBody>;
export type OverlapBodyT = Static<typeof OverlapBody>;
export type TaskStatus = (typeof TASK_STATUSES)[number];
