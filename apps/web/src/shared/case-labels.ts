import type { api, RouteOutput } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import casesShared from '../i18n/cases-shared.zh-CN.ts';
import zhCN from '../i18n/zh-CN.ts';

type Sla = NonNullable<RouteOutput<typeof api.cases.getCase>['sla']>;
type Group = Exclude<keyof typeof casesShared, 'versionConflict' | 'time'>;

/** How a status should look: a neutral tone both apps map to their own tag colours. */
export type Tone = 'waiting' | 'working' | 'warning' | 'done' | 'muted';
export const STATUS_TONE: Readonly<Record<string, Tone>> = {
  submitted: 'waiting',
  accepted: 'working',
  escalated: 'working',
  registered: 'working',
  dispatched: 'working',
  checking: 'working',
  resolved: 'warning',
  closed: 'done',
  parked: 'muted',
  merged: 'muted',
  cancelled: 'muted',
};

/** "2 天 3 小时" / "5 小时 10 分钟" / "12 分钟" for a duration. */
// A narrow signature: the app-wide typed `t` here hit TypeScript's instantiation-depth limit (TS2589).
type CountT = (key: 'cases.time.days' | 'cases.time.hours' | 'cases.time.minutes', o: { count: number }) => string;
function span(ms: number, t: CountT): string {
  const min = Math.max(1, Math.floor(ms / 60_000));
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d > 0) return [t('cases.time.days', { count: d }), h ? t('cases.time.hours', { count: h }) : ''].join(' ').trim();
  if (h > 0)
    return [t('cases.time.hours', { count: h }), m ? t('cases.time.minutes', { count: m }) : ''].join(' ').trim();
  return t('cases.time.minutes', { count: m });
}

/** Localized case labels (`cases.*`); unknown codes show as they are. */
export function useCaseLabels() {
  const { t } = useTranslation();
  const label = (group: Group, code: string | null | undefined): string => {
    if (!code) return '';
    return Object.hasOwn(casesShared[group], code)
      ? (t(`cases.${group}.${code}` as 'cases.status.closed') as string)
      : code;
  };
  /** Staff roles from `role`, plus `reporter` and `system`. */
  const actingRole = (r: string): string => {
    if (Object.hasOwn(casesShared.actor, r)) return label('actor', r);
    return Object.hasOwn(zhCN.role, r) ? (t(`role.${r}` as 'role.resident') as string) : r;
  };
  /** Timeline entry type in words; a check says whether it passed. */
  const entry = (type: string, data?: Record<string, unknown>): string => {
    if (type === 'check' && typeof data?.passed === 'boolean')
      return label('entry', data.passed ? 'checkPassed' : 'checkFailed');
    return label('entry', type);
  };
  /** "剩余 2 天 3 小时" or "已超时 5 小时" against `now`. */
  const timeLeft = (sla: Pick<Sla, 'dueAt'>, now = Date.now()): string => {
    const ms = new Date(sla.dueAt).getTime() - now;
    return ms >= 0 ? t('cases.time.left', { time: span(ms, t) }) : t('cases.time.overdue', { time: span(-ms, t) });
  };
  return {
    status: (s: string) => label('status', s),
    level: (l: string) => label('level', l),
    command: (c: string) => label('command', c),
    entry,
    stage: (s: string) => label('stage', s),
    colour: (c: string) => label('colour', c),
    source: (s: string) => label('source', s),
    urge: (u: string) => label('urge', u),
    assignment: (a: string) => label('assignment', a),
    meeting: (m: string) => label('meeting', m),
    attendance: (a: string) => label('attendance', a),
    actingRole,
    timeLeft,
  };
}
