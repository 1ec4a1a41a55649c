import { ApiError, api, type RouteInput, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call, currentCsrfToken, isApiError, UserMessage } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';

export type CaseDetail = RouteOutput<typeof api.cases.getCase>;
export type CaseSummary = RouteOutput<typeof api.cases.listCases>['items'][number];
export type AllowedKey = CaseDetail['allowed'][number];
export type CommandType = AllowedKey['type'];
export type CommandBody = RouteInput<typeof api.cases.runCommand>['body'];
export type CommandInput = Omit<CommandBody, 'version' | 'type'>;
export type Inbox = (typeof api.cases.INBOXES)[number];

export const INBOXES = api.cases.INBOXES;
export const CASE_SOURCES = api.cases.CASE_SOURCES;

/** Query keys: every list and count lives under `cases`; one case page under `case`. */
export const casesKey = ['cases'] as const;
export const caseKey = (id: string) => ['case', id] as const;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => call(api.cases.getCase, { params: { id } }) });
}

/** Thrown when the case moved on under the caller (409 `version_conflict`): the page reloads and says so. */
export class CaseConflict extends UserMessage {}

/** After a write: show the answer, and refresh inboxes and counts. A conflict reloads the case and throws. */
export function useCaseWrites(id: string) {
  const qc = useQueryClient();
  const settle = async <T extends CaseDetail>(write: Promise<T>): Promise<T> => {
    try {
      const next = await write;
      qc.setQueryData(caseKey(next.id), next);
      // A merge answers with the target case: reload the duplicate, which now shows where it went.
      if (next.id !== id) await qc.invalidateQueries({ queryKey: caseKey(id) });
      void qc.invalidateQueries({ queryKey: casesKey });
      return next;
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') {
        await qc.invalidateQueries({ queryKey: caseKey(id) });
        void qc.invalidateQueries({ queryKey: casesKey });
        throw new CaseConflict(i18n.t('casesConsole.conflict'));
      }
      throw e;
    }
  };
  return {
    run: (c: CaseDetail, type: CommandBody['type'], input: CommandInput = {}) =>
      settle(call(api.cases.runCommand, { params: { id: c.id }, body: { ...input, type, version: c.version } })),
    merge: (c: CaseDetail, target: { id: string; version: number }, note?: string) =>
      settle(
        call(api.cases.mergeCase, {
          params: { id: c.id },
          body: { version: c.version, targetId: target.id, targetVersion: target.version, note: note || undefined },
        }),
      ),
  };
}

/** A case photo as served to whoever may see the case. */
export const photoUrl = (caseId: string, attachmentId: string): string =>
  `/api/cases/${encodeURIComponent(caseId)}/attachments/${attachmentId}`;

/**
 * Upload one photo (`POST /api/attachments`, the raw image as the body) and return its id. The session's CSRF
 * token comes from `GET /api/auth/me`, as the shared client keeps it private.
 */
export async function uploadPhoto(file: File): Promise<string> {
  const csrfToken = currentCsrfToken() ?? '';
  const res = await fetch('/api/attachments', {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': file.type || 'application/octet-stream',
      'x-csrf-token': csrfToken,
      'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN',
    },
    body: file,
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) {
    const detail = typeof data.detail === 'string' ? data.detail : i18n.t('casesConsole.form.uploadFailed');
    throw new ApiError(res.status, typeof data.code === 'string' ? data.code : 'http_error', detail);
  }
  const id = data.id ?? data.attachmentId;
  if (typeof id !== 'string') throw new UserMessage(i18n.t('casesConsole.form.uploadFailed'));
  return id;
}

/** Department names the case page knows: assignments, meeting invitees and the departments serving the street. */
export function departmentNames(c: CaseDetail): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of c.departmentsServing) names.set(d.id, d.name);
  for (const a of c.assignments) names.set(a.departmentId, a.departmentName);
  for (const m of c.meetings) for (const i of m.invitees) names.set(i.departmentId, i.departmentName);
  return names;
}

/** `YYYY-MM-DDTHH:mm` in local time, for `<input type="datetime-local">`. */
export function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A `datetime-local` (or `date`, taken as 17:30 that day) value as an ISO instant; null when empty or invalid. */
export function fromLocalInput(v: string | undefined): string | null {
  if (!v) return null;
  const d = new Date(v.length === 10 ? `${v}T17:30` : v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
