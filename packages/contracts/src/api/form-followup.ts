import Type, { type Static } from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { BINDING_KINDS } from './forms.ts';
import { defineRoute } from './route.ts';

/**
 * Follow-up of data collection tasks (docs/adr/0015-data-collection-forms.md): the requester's reminder
 * (催办) and the cadres' confirmation of the corrections a submitted task recorded.
 */

/** Minutes between two manual reminders of one task. */
export const URGE_INTERVAL_MINUTES = 60;

export const UrgeResult = Type.Object({
  taskId: Uuid,
  /** Fillers reminded (grid workers of a grid target, the committee of a community target). */
  recipients: Type.Integer(),
  urgedAt: IsoTime,
  nextAllowedAt: IsoTime,
});

/**
 * What confirming does: `apply` writes a list of people back to the registry (tags set and ended, with
 * history); counts cannot be written back, so they are sent for `verify` (信息核实: an update campaign over the
 * target for its grid workers) or `acknowledged` with a note.
 */
export const CORRECTION_MODES = ['apply', 'verify', 'acknowledge'] as const;
export const CORRECTION_DECISIONS = ['applied', 'verify', 'acknowledged', 'dismissed'] as const;

export const CorrectionOutcome = Type.Object({
  /** apply: people whose tag was set or ended. */
  added: Type.Optional(Type.Array(Type.String())),
  removed: Type.Optional(Type.Array(Type.String())),
  /** apply: rows the registry could not match to exactly one person under the target (name, address). */
  unmatched: Type.Optional(
    Type.Array(
      Type.Object({ name: Type.String(), address: Type.String(), change: Type.Enum(['add', 'remove'] as const) }),
    ),
  ),
  /** verify: the update campaign created for the target. */
  campaignId: Type.Optional(Uuid),
});

export const Correction = Type.Object({
  taskId: Uuid,
  /** The task's optimistic version (a reopened or resubmitted task makes the decision stale: 409). */
  taskVersion: Type.Integer(),
  formId: Uuid,
  title: Type.String(),
  key: Type.String(),
  label: Type.String(),
  kind: Type.Enum(BINDING_KINDS),
  /** A list of people (tag_list of a settable tag) can be applied; counts only verified or acknowledged. */
  applicable: Type.Boolean(),
  registry: Type.Unknown(),
  answer: Type.Unknown(),
  communityId: NodeId,
  communityName: Type.String(),
  targetNodeId: NodeId,
  targetName: Type.String(),
  submittedAt: IsoTime,
  decision: Type.Union([Type.Enum(CORRECTION_DECISIONS), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([CorrectionOutcome, Type.Null()]),
  decidedAt: Type.Union([IsoTime, Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
});

const Note = Type.String({ minLength: 1, maxLength: 200 });
export const ConfirmBody = Type.Object(
  {
    taskVersion: Type.Integer({ minimum: 1 }),
    /** Default: apply when the correction is applicable, verify otherwise. */
    mode: Type.Optional(Type.Enum(CORRECTION_MODES)),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export const DismissBody = Type.Object(
  { taskVersion: Type.Integer({ minimum: 1 }), note: Type.Optional(Note) },
  { additionalProperties: false },
);

const CorrectionParams = Type.Object({ taskId: Uuid, key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }) });

export const urgeTask = defineRoute({
  method: 'POST',
  url: '/api/form-tasks/:id/urge',
  access: { action: 'form.design' },
  summary: 'The requester reminds a target’s fillers of an open task (催办), at most once an hour',
  tags: ['forms'],
  params: Type.Object({ id: Uuid }),
  response: UrgeResult,
  status: 201,
});
export const listCorrections = defineRoute({
  method: 'GET',
  url: '/api/form-corrections',
  access: { action: 'registry.edit' },
  summary: 'Corrections of submitted tasks in the communities whose registry the caller keeps',
  tags: ['forms'],
  querystring: Type.Object({ status: Type.Optional(Type.Enum(['pending', 'decided'] as const)) }),
  response: Type.Object({ items: Type.Array(Correction) }),
});
export const confirmCorrection = defineRoute({
  method: 'POST',
  url: '/api/form-corrections/:taskId/:key/confirm',
  access: { action: 'registry.edit' },
  summary: 'Confirm a correction: applied to the registry with history, or sent for verification',
  tags: ['forms'],
  params: CorrectionParams,
  body: ConfirmBody,
  response: Correction,
});
export const dismissCorrection = defineRoute({
  method: 'POST',
  url: '/api/form-corrections/:taskId/:key/dismiss',
  access: { action: 'registry.edit' },
  summary: 'Dismiss a correction: the registry stays as it is',
  tags: ['forms'],
  params: CorrectionParams,
  body: DismissBody,
  response: Correction,
});

export type CorrectionT = Static<typeof Correction>;
export type CorrectionOutcomeT = Static<typeof CorrectionOutcome>;
export type ConfirmBodyT = Static<typeof ConfirmBody>;
export type CorrectionMode = (typeof CORRECTION_MODES)[number];
