/**
 * Sends a residents spreadsheet: in one request up to 10 MB, else in parts of 8 MB (each part says where it
 * starts; a part the server already has is not sent twice), then closes the upload for its preview.
 */
import { ApiError, api, type RouteOutput } from '@linli/contracts';
import { call, currentCsrfToken } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';

export type Preview = RouteOutput<typeof api.registryImports.uploadRegistryImport>;
const { MAX_REGISTRY_IMPORT_BYTES, MAX_IMPORT_PART_BYTES } = api.registryImports;

export const typeOf = (f: File) =>
  f.name.toLowerCase().endsWith('.xlsx')
    ? api.caseImports.XLSX_TYPE
    : f.name.toLowerCase().endsWith('.csv')
      ? api.caseImports.CSV_TYPE
      : null;

/** A file (or part of one) as the body, with the session's CSRF header (the typed client sends JSON only). */
async function send<T>(url: string, file: File, body: Blob): Promise<T> {
  const csrf = currentCsrfToken() ?? (await call(api.auth.me)).csrfToken;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': typeOf(file) ?? 'application/octet-stream',
      'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new ApiError(
      res.status,
      String(data.code ?? 'http_error'),
      String(data.title ?? res.statusText),
      (data.errors as ApiError['errors']) ?? [],
    );
  return data as T;
}

/** Uploads `file`, reporting the share sent (0–100) as it goes. */
export async function uploadFile(file: File, onProgress: (percent: number) => void): Promise<Preview> {
  if (file.size <= MAX_REGISTRY_IMPORT_BYTES)
    return send<Preview>(api.registryImports.uploadRegistryImport.url, file, file);
  let id: string | undefined;
  for (let at = 0; at < file.size; at += MAX_IMPORT_PART_BYTES) {
    const q = new URLSearchParams({ offset: String(at), ...(id ? { id } : {}) });
    const part = await send<{ id: string }>(
      `${api.registryImports.uploadRegistryImportPart.url}?${q}`,
      file,
      file.slice(at, at + MAX_IMPORT_PART_BYTES),
    );
    id = part.id;
    onProgress(Math.min(99, Math.round(((at + MAX_IMPORT_PART_BYTES) / file.size) * 100)));
  }
  return call(api.registryImports.finishRegistryImportUpload, { params: { id: id! } });
}
