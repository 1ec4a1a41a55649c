import { ApiError, createClient } from '@linli/contracts';
import i18n from './i18n.ts';

let csrfToken: string | null = null;

/** The CSRF token of the current session; every write sends it as `x-csrf-token`. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** The CSRF token for requests the typed client cannot make (raw photo and spreadsheet uploads). */
export const currentCsrfToken = (): string | null => csrfToken;

/** The typed API client shared by both apps: same-origin, cookie session, CSRF header, current language. */
export const call = createClient({
  csrfToken: () => csrfToken,
  language: () => (i18n.language === 'en' ? 'en' : 'zh-CN'),
});

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Whether an error means the session is gone (never signed in, signed out elsewhere or idle too long). */
export const isAuthError = (e: unknown): boolean => isApiError(e) && e.status === 401;

/** A message the app itself raises for the user to read (e.g. "someone else changed this; reload"). */
export class UserMessage extends Error {}

/** The message to show for an error: the server's localized `detail`, our own message, else a generic one. */
export const errorText = (e: unknown): string =>
  isApiError(e) || e instanceof UserMessage ? e.message : i18n.t('common.networkError');

/** Field errors keyed by the form field named by each error's JSON pointer (`/idNumber` → `idNumber`). */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e)) return out;
  for (const fe of e.errors) {
    const name = fe.path.replace(/^\//, '').split('/')[0] ?? '';
    if (name && !out[name]) out[name] = fe.message;
  }
  return out;
}
