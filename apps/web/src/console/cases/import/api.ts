import { ApiError, api, type RouteInput, type RouteOutput } from '@linli/contracts';
import { call, currentCsrfToken } from '../../../shared/api.ts';
import i18n from '../../../shared/i18n.ts';

export type Preview = RouteOutput<typeof api.caseImports.uploadImport>;
export type Report = RouteOutput<typeof api.caseImports.runImport>;
export type Mapping = Preview['suggestedMapping'];
export type Field = (typeof api.caseImports.IMPORT_FIELDS)[number];

const { CSV_TYPE, XLSX_TYPE, MAX_IMPORT_BYTES } = api.caseImports;

/**
 * The type to send, by file name: Windows calls a CSV file `application/vnd.ms-excel` and some browsers
 * give no type at all, so the extension decides. Null for anything else.
 */
export function importType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return CSV_TYPE;
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

/** Checks a file before sending; the i18n key of the problem, or null. */
export function checkFile(file: File): 'wrongType' | 'tooLarge' | null {
  if (!importType(file)) return 'wrongType';
  if (file.size > MAX_IMPORT_BYTES) return 'tooLarge';
  return null;
}

/** `POST /api/case-imports` with the file itself as the body, and the session's CSRF header. */
export async function uploadImport(file: File): Promise<Preview> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': importType(file) ?? 'application/octet-stream',
    'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN',
  };
  const csrf = currentCsrfToken() ?? (await call(api.auth.me)).csrfToken;
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(api.caseImports.uploadImport.url, {
    method: 'POST',
    headers,
    body: file,
    credentials: 'same-origin',
  });
  const text = await res.text();
  let data: Record<string, unknown> = {};
  try {
    data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // a proxy's error page: the status says enough
  }
  if (!res.ok) {
    const errors = (data.errors as ApiError['errors'] | undefined) ?? [];
    const FILE_PROBLEMS = ['unreadable', 'no_header', 'too_many_rows'] as const;
    const fileCode = FILE_PROBLEMS.find((c) => errors.some((e) => e.path === '/file' && e.code === c));
    const detail: string = fileCode
      ? i18n.t(`caseImport.fileProblems.${fileCode}`)
      : typeof data.detail === 'string'
        ? data.detail
        : typeof data.title === 'string'
          ? data.title
          : i18n.t('common.networkError');
    throw new ApiError(res.status, typeof data.code === 'string' ? data.code : 'http_error', detail, errors);
  }
  return data as unknown as Preview;
}

export type RunBody = RouteInput<typeof api.caseImports.runImport>['body'];

export const runImport = (id: string, body: RunBody) => call(api.caseImports.runImport, { params: { id }, body });
