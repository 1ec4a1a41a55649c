/**
 * Vote strings in their own i18next namespace (`votes`), typed by the Chinese catalogue (the main key union
 * is near TS2589), plus display helpers shared by the console and the resident app.
 */
import type { api, RouteOutput } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import en from './votes.en.ts';
import zh from './votes.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'votes', zh, true, true);
i18n.addResourceBundle('en', 'votes', en, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type VoteKey = Paths<typeof zh>;

export type VoteDetail = RouteOutput<typeof api.votes.getVote>;
export type VoteCheck = NonNullable<VoteDetail['result']>['participation'][number];

export function useVoteT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const t = (key: VoteKey, options?: Record<string, unknown>): string => lookup(key, { ...options, ns: 'votes' });
  /** "人数 6/8 ≥ 2/3 达到" */
  const check = (c: VoteCheck) => {
    const part = c.measure === 'area' ? m2(c.part) : c.part;
    const whole = c.measure === 'area' ? m2(c.whole) : c.whole;
    return `${t(`result.${c.measure}`)} ${part}/${whole} · ${t('result.need', {
      op: c.ratio.strict ? t('result.gt') : t('result.ge'),
      num: c.ratio.num,
      den: c.ratio.den,
    })} · ${c.met ? t('result.met') : t('result.notMet')}`;
  };
  return { t, check, lang: instance.language };
}

/** Hundredths of m² as "85.50" (exact, from the decimal string). */
export function m2(hundredths: string): string {
  const n = BigInt(hundredths);
  return `${n / 100n}.${(n % 100n).toString().padStart(2, '0')}`;
}

export const turnoutPercent = (voted: number, of: number) => (of > 0 ? ((voted * 100) / of).toFixed(1) : '0.0');
