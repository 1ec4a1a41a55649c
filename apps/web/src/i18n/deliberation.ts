/**
 * The deliberation hall's strings live in their own i18next namespace (`deliberation`), added at import time and
 * looked up through `useDelibT`, typed by the Chinese catalogue (the main key union is near TS2589).
 */
import type { api } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import en from './deliberation.en.ts';
import zh from './deliberation.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'deliberation', zh, true, true);
i18n.addResourceBundle('en', 'deliberation', en, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type DelibKey = Paths<typeof zh>;
type Lookup = (key: string, options?: Record<string, unknown>) => string;

export function useDelibT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as Lookup;
  const t = (key: DelibKey, options?: Record<string, unknown>): string =>
    lookup(key, { ...options, ns: 'deliberation' });
  return { t, lang: instance.language };
}

/** A span of time in words: minutes under two hours, hours under two days, else days. */
export function useDuration() {
  const { t } = useDelibT();
  return (ms: number) => {
    const m = Math.max(0, Math.round(ms / 60_000));
    if (m < 120) return t('duration.minutes', { n: m });
    if (m < 48 * 60) return t('duration.hours', { n: Math.round(m / 60) });
    return t('duration.days', { n: Math.round(m / 1440) });
  };
}

export interface ChainStepView {
  step: (typeof api.deliberation.CHAIN_STEPS)[number];
  state: 'done' | 'current' | 'waiting' | 'stopped';
  startedAt: string | null;
  endedAt: string | null;
}

/** The timing line under a chain step: how long it took, or how long it has been going. */
export function useStepTiming() {
  const { t } = useDelibT();
  const duration = useDuration();
  return (s: ChainStepView, now = Date.now()): string => {
    if (!s.startedAt) return t(`state.${s.state}`);
    const from = new Date(s.startedAt).getTime();
    if (!s.endedAt) return `${t(`state.${s.state}`)} · ${t('since', { d: duration(now - from) })}`;
    const end = new Date(s.endedAt);
    const took = end.getTime() - from;
    const day = end.toLocaleDateString();
    const prefix = s.state === 'stopped' ? `${t('state.stopped')} · ` : '';
    // Steps done at once (proposing itself) show only their date.
    return `${prefix}${day}${took >= 60_000 ? ` · ${t('took', { d: duration(took) })}` : ''}`;
  };
}

/** The step a proposal is at now (the first current one, else the last done or stopped one). */
export const currentStep = (chain: readonly ChainStepView[]): ChainStepView =>
  chain.find((s) => s.state === 'current') ?? [...chain].reverse().find((s) => s.state !== 'waiting') ?? chain[0]!;

/** Fen → yuan with two decimals, exact. */
export const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString()}.${String(fen % 100).padStart(2, '0')}`;
