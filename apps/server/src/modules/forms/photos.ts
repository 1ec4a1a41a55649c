/**
 * Photos in form answers. A filler may answer only with photos they uploaded themselves (or ones the task
 * already holds, e.g. from the colleague who filled it before it was reopened), so an answer cannot borrow
 * someone else's upload; the task's fillers, its requester and the district's overseers then see the photos
 * the task's answers name, and nobody sees any other upload through a task.
 */
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ownUploads, readAttachment } from '../attachments/service.ts';
import type { Answers } from './answers.ts';
import type { FieldError } from './fields.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;

const photosIn = (fields: readonly Field[], answers: Answers | null) =>
  fields
    .filter((f) => f.type === 'photo' && typeof answers?.[f.key] === 'string')
    .map((f) => [f.key, answers![f.key] as string] as const);

export async function foreignPhotoErrors(
  ctx: Ctx,
  t: repo.TaskRow,
  fields: readonly Field[],
  answers: Answers,
): Promise<FieldError[]> {
  const given = photosIn(fields, answers);
  if (given.length === 0) return [];
  const held = new Set(photosIn(fields, t.answers as Answers | null).map(([, id]) => id));
  const own = await ownUploads(
    ctx.tx,
    given.map(([, id]) => id).filter((id) => !held.has(id)),
    ctx.user!.id,
  );
  return given
    .filter(([, id]) => !held.has(id) && !own.has(id))
    .map(([key]) => ({ path: `/answers/${key}`, code: 'not_found' }));
}

export async function taskPhoto(ctx: Ctx, taskId: string, attachmentId: string) {
  const t = await repo.taskById(ctx.tx, taskId);
  if (!t) throw notFound();
  const filler = ctx.can('form.fill', t.target_path);
  if (!filler) {
    const form = await repo.formById(ctx.tx, t.form_id);
    if (!form) throw notFound();
    const requester = form.created_by === ctx.user?.id && ctx.can('form.design', form.owner_path);
    if (!requester && !ctx.can('form.oversee', form.owner_path)) throw notFound();
  }
  const v = await repo.versionOf(ctx.tx, t.form_id, t.version_no);
  const named = photosIn(v.fields as Field[], t.answers as Answers | null).map(([, id]) => id);
  if (!named.includes(attachmentId)) throw notFound();
  const file = await readAttachment(ctx, ctx.tx, attachmentId);
  if (!file) throw notFound();
  ctx.reply.type(file.mime).header('x-content-type-options', 'nosniff');
  return file.bytes;
}
