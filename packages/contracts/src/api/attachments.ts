import Type from 'typebox';
import { defineRoute } from './route.ts';

/** What a photo may be, and how big: the phone app checks before sending, the server again on arrival. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export const AttachmentId = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha256 (hex) of the stored image' });

export const AttachmentView = Type.Object({
  id: AttachmentId,
  mime: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp')]),
  /** Bytes as stored, after metadata (Exif, GPS, XMP, text chunks) was removed. */
  size: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
});

const UPLOAD =
  'The body is the image itself (Content-Type image/jpeg, image/png or image/webp, at most 10 MB). ' +
  'Location and camera metadata are removed; the id is the sha256 of what is stored, so the same photo is kept once.';

export const uploadAttachment = defineRoute({
  method: 'POST',
  url: '/api/attachments',
  access: { auth: 'authenticated' },
  summary: `Upload a photo for a case. ${UPLOAD}`,
  tags: ['attachments'],
  response: AttachmentView,
  status: 201,
});

export const uploadPublicAttachment = defineRoute({
  method: 'POST',
  url: '/api/public/attachments',
  access: { auth: 'public' },
  summary: `Upload a photo without an account (courtyard QR reports; limited per address). ${UPLOAD}`,
  tags: ['attachments'],
  response: AttachmentView,
  status: 201,
});

export const getAttachment = defineRoute({
  method: 'GET',
  url: '/api/attachments/:id',
  access: { auth: 'authenticated' },
  summary: 'One of my own uploads (a preview before the case is sent); anyone else gets 404',
  tags: ['attachments'],
  params: Type.Object({ id: AttachmentId }),
  response: null,
});
