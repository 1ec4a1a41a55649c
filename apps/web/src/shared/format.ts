import i18n from './i18n.ts';

/** Safe in-app redirect target from `?next=` (only same-origin paths). */
export const safeNext = (next: string | null, fallback: string): string =>
  next?.startsWith('/') && !next.startsWith('//') ? next : fallback;

/** Local date and time in the current language. */
export const formatTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '';
