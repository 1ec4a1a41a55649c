/** Case photos: attaching uploads the caller made, and serving them to whoever may see the case. */
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { assertAttachable, readAttachment } from '../attachments/service.ts';
import { visibleCase } from './commands.ts';

export const checkPhotos = (ctx: Ctx, ids: readonly string[], path: string) =>
  assertAttachable(ctx.tx, ids, { userId: ctx.user?.id ?? null, ip: ctx.ip, now: ctx.now }, path);

/** A photo of the case or of any timeline entry; bytes were stripped of EXIF when uploaded. */
export async function caseAttachment(ctx: Ctx, caseId: string, attachmentId: string) {
  const { state, row } = await visibleCase(ctx, caseId);
  const used = new Set([...row.attachments, ...state.timeline.flatMap((e) => e.attachments)]);
  if (!used.has(attachmentId)) throw notFound();
  const file = await readAttachment(ctx, ctx.tx, attachmentId);
  if (!file) throw notFound();
  ctx.reply.type(file.mime);
  ctx.reply.header('x-content-type-options', 'nosniff');
  return file.bytes;
}
