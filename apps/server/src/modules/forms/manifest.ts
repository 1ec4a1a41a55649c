import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as corrections from './corrections.ts';
import { create, detail, list, update } from './designs.ts';
import { correctionsSubscriber, formSentSubscriber, reopenedSubscriber } from './notify.ts';
import { overlap } from './overlap.ts';
import { taskPhoto } from './photos.ts';
import { picker } from './pickers.ts';
import { reminderJob, urge } from './reminders.ts';
import { exportXlsx, formBurden, ranking, rollup } from './results.ts';
import { board, send } from './sends.ts';
import * as tasks from './tasks.ts';

const READ = { readOnly: true } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Data collection forms (一键采集/减表) — docs/adr/0015-data-collection-forms.md. */
export const formsModule: ModuleManifest = {
  name: 'forms',
  routes: [
    route(api.forms.createForm, (ctx, { body }) => create(ctx, body)),
    route(api.forms.listForms, (ctx) => list(ctx), READ),
    route(api.forms.getForm, (ctx, { params }) => detail(ctx, params.id), READ),
    route(api.forms.updateForm, (ctx, { params, body }) => update(ctx, params.id, body)),
    route(api.forms.formOverlap, (ctx, { body }) => overlap(ctx, body), READ),
    route(api.forms.sendForm, (ctx, { params, body }) => send(ctx, params.id, body)),
    route(api.forms.formBoard, (ctx, { params }) => board(ctx, params.id), READ),
    route(api.forms.formRollup, (ctx, { params }) => rollup(ctx, params.id), READ),
    route(api.forms.formExport, async (ctx, { params }) => {
      const bytes = await exportXlsx(ctx, params.id);
      ctx.reply.type(XLSX);
      ctx.reply.header('content-disposition', `attachment; filename="form-${params.id}.xlsx"`);
      return bytes;
    }),
    route(api.forms.formBurden, (ctx, { params }) => formBurden(ctx, params.id), READ),
    route(api.forms.burdenRanking, (ctx) => ranking(ctx), READ),
    route(api.forms.reopenTask, (ctx, { params, body }) => tasks.reopen(ctx, params.id, body.version)),
    route(api.forms.listTasks, (ctx, { query }) => tasks.list(ctx, query.status), READ),
    route(api.forms.getTask, (ctx, { params }) => tasks.detail(ctx, params.id)),
    route(api.forms.saveTaskDraft, (ctx, { params, body }) => tasks.saveDraft(ctx, params.id, body)),
    route(api.forms.submitTask, (ctx, { params, body }) => tasks.submit(ctx, params.id, body)),
    // Photos never change (named by content): the browser may keep them, privately.
    route(api.formPickers.taskPhoto, (ctx, { params }) => taskPhoto(ctx, params.id, params.attachmentId), {
      cacheControl: 'private, max-age=31536000, immutable',
    }),
    route(api.formPickers.taskPicker, (ctx, { params, query }) => picker(ctx, params.id, query.kind, query.q)),
    route(api.formFollowup.urgeTask, (ctx, { params }) => urge(ctx, params.id)),
    route(api.formFollowup.listCorrections, (ctx, { query }) => corrections.list(ctx, query.status)),
    route(api.formFollowup.confirmCorrection, (ctx, { params, body }) =>
      corrections.confirm(ctx, params.taskId, params.key, body),
    ),
    route(api.formFollowup.dismissCorrection, (ctx, { params, body }) =>
      corrections.dismiss(ctx, params.taskId, params.key, body),
    ),
  ],
  subscribers: [formSentSubscriber, correctionsSubscriber, reopenedSubscriber],
  jobs: [reminderJob],
};
