import { createHash } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx, Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { type CleanImage, cleanImage, ImageRefused } from './image.ts';
import * as repo from './repository.ts';
import * as store from './store.ts';

type View = Static<typeof api.attachments.AttachmentView>;
export type AttachmentMeta = { mime: string; size: number; width: number; height: number };

/** How long a photo sent without an account stays attachable to a report from the same address. */
const ANONYMOUS_WINDOW_MS = 24 * 60 * 60 * 1000;

const unsupported = () => new AppError(415, 'unsupported_media_type');

/** A stripped image with its id, or why it was refused; null when there was no image body at all. */
export type Prepared = { image: CleanImage & { id: string } } | { refused: AppError } | null;

/**
 * Runs in the route's `before` step, outside the transaction (ADR 5): stripping and hashing up to 10 MB
 * is CPU work that must not hold the database connection. Refusals are returned, not thrown, so that an
 * anonymous caller still learns 401 first.
 */
export function prepare(body: unknown): Prepared {
  if (!Buffer.isBuffer(body) || body.length === 0) return null; // the platform answers 400/415 after sign-in
  try {
    const img = cleanImage(body);
    return { image: { ...img, id: createHash('sha256').update(img.bytes).digest('hex') } };
  } catch (e) {
    if (!(e instanceof ImageRefused)) throw e;
    return { refused: e.reason === 'unsupported' ? unsupported() : new AppError(422, 'image_invalid') };
  }
}

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** Stores an upload: the file first (content-addressed, so a rollback leaves nothing that matters), then rows. */
export async function upload(ctx: Ctx, pre: Prepared, uploadedBy: string | null): Promise<View> {
  if (!pre) throw unsupported();
  if ('refused' in pre) throw pre.refused;
  const img = pre.image;
  // A PNG sent as image/jpeg is refused too: the declared type is what the client believes it sends.
  if (mediaType(ctx.reply.request.headers['content-type']) !== img.mime) throw unsupported();
  await store.put(ctx.config.dataDir, img.id, img.bytes);
  await repo.insertAttachment(ctx.tx, {
    id: img.id,
    mime: img.mime,
    size: img.bytes.length,
    width: img.width,
    height: img.height,
    created_at: ctx.now,
  });
  await repo.insertUpload(ctx.tx, { attachment_id: img.id, uploaded_by: uploadedBy, ip: ctx.ip, at: ctx.now });
  await ctx.audit({
    action: 'attachment.upload',
    resourceType: 'attachment',
    resourceId: img.id,
    detail: { mime: img.mime, size: img.bytes.length, anonymous: uploadedBy === null },
  });
  return { id: img.id, mime: img.mime, size: img.bytes.length, width: img.width, height: img.height };
}

/** The caller's own upload (a preview before the case is sent); anyone else's is "not found". */
export async function download(ctx: Ctx, id: string): Promise<Buffer> {
  if (!ctx.user || !(await repo.uploadedBy(ctx.tx, id, ctx.user.id))) throw notFound();
  const file = await readAttachment(ctx, ctx.tx, id);
  if (!file) throw notFound();
  ctx.reply.type(file.mime).header('x-content-type-options', 'nosniff');
  return file.bytes;
}

/**
 * For the cases module: every id must be the reporter's own upload — by account, or, for a report without
 * one, sent anonymously from the same IP within 24 hours (`now` defaults to the system clock; pass ctx.now).
 * Otherwise 422 with `${path}/${i}` → not_found for each offending id, so nobody attaches another's photo.
 */
export async function assertAttachable(
  tx: Db,
  ids: readonly string[],
  uploader: { userId: string | null; ip?: string; now?: Date },
  path: string,
): Promise<void> {
  const now = uploader.now ?? new Date();
  const who = uploader.userId
    ? { userId: uploader.userId }
    : uploader.ip
      ? { ip: uploader.ip, since: new Date(now.getTime() - ANONYMOUS_WINDOW_MS) }
      : null;
  const valid = ids.filter((id) => /^[0-9a-f]{64}$/.test(id));
  const mine = who ? await repo.uploadedOf(tx, valid, who) : new Set<string>();
  const errors = ids.flatMap((id, i) => (mine.has(id) ? [] : [{ path: `${path}/${i}`, code: 'not_found' }]));
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
}

/** Which of these ids the user uploaded themselves (other modules decide what a foreign id means). */
export const ownUploads = (tx: Db, ids: readonly string[], userId: string): Promise<Set<string>> =>
  repo.uploadedOf(
    tx,
    ids.filter((id) => /^[0-9a-f]{64}$/.test(id)),
    { userId },
  );

/** The stored bytes and type, or null for an unknown id (the caller decides who may see them). */
export async function readAttachment(p: Platform, tx: Db, id: string): Promise<{ bytes: Buffer; mime: string } | null> {
  if (!/^[0-9a-f]{64}$/.test(id)) return null;
  const row = await repo.byId(tx, id);
  if (!row) return null;
  const bytes = await store.get(p.config.dataDir, id);
  return bytes ? { bytes, mime: row.mime } : null;
}

/** Type, size and dimensions by id; unknown ids are simply absent from the map. */
export async function attachmentMeta(tx: Db, ids: readonly string[]): Promise<Map<string, AttachmentMeta>> {
  const valid = [...new Set(ids)].filter((id) => /^[0-9a-f]{64}$/.test(id));
  const rows = await repo.byIds(tx, valid);
  return new Map(rows.map((r) => [r.id, { mime: r.mime, size: r.size, width: r.width, height: r.height }]));
}
