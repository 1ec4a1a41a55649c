import { currentCsrfToken } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';

/** Same limits as the server's attachments contract: JPEG, PNG or WebP, at most 10 MB. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 9;

export interface Attachment {
  id: string;
  mime: string;
  size: number;
  width: number;
  height: number;
}

/** Why a photo was not taken: checked before sending, and mapped from the server's answer. */
export type PhotoProblem = 'too_large' | 'not_image' | 'upload_failed';

export class PhotoError extends Error {
  constructor(
    readonly code: PhotoProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Checks a file before it is sent; null when it may be uploaded. */
export function checkPhoto(file: File): PhotoProblem | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'not_image';
  if (file.size > MAX_PHOTO_BYTES) return 'too_large';
  return null;
}

const problemOf = (status: number, code: string): PhotoProblem =>
  status === 413 || code.includes('too_large')
    ? 'too_large'
    : status === 415 || code.includes('type')
      ? 'not_image'
      : 'upload_failed';

/**
 * Sends one photo as raw bytes (`POST /api/attachments`, or `/api/public/attachments` without an account),
 * reporting progress 0–100. XMLHttpRequest because fetch cannot report upload progress.
 */
export async function uploadPhoto(
  file: File,
  opts: { publicUpload?: boolean; onProgress?: (percent: number) => void } = {},
): Promise<Attachment> {
  const problem = checkPhoto(file);
  if (problem) throw new PhotoError(problem, i18n.t(`casesResident.photos.${problem}`));
  const token = currentCsrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', opts.publicUpload ? '/api/public/attachments' : '/api/attachments');
    xhr.setRequestHeader('content-type', file.type);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'zh-CN');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new PhotoError('upload_failed', i18n.t('common.networkError')));
    xhr.onload = () => {
      let data: { code?: string; detail?: string } & Partial<Attachment> = {};
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        // not JSON (a proxy's error page): handled below by status
      }
      if (xhr.status >= 200 && xhr.status < 300 && data.id) {
        opts.onProgress?.(100);
        resolve(data as Attachment);
        return;
      }
      const code = problemOf(xhr.status, data.code ?? '');
      reject(new PhotoError(code, data.detail || i18n.t(`casesResident.photos.${code}`)));
    };
    xhr.send(file);
  });
}
