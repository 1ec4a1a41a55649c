/**
 * The columns beside the state document: what inboxes, scoping, SLA jobs and rates query. Always derived
 * from the state (never written on their own), so the document and its projection cannot disagree.
 */
import { cases, type WorkingCalendar } from '@linli/contracts';
import { type CasePatch, documentOf } from './repository.ts';

export interface CategoryInfo {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  limits: cases.StageLimits;
  yellowAt: number;
  autoEscalate: boolean;
  active: boolean;
  defaultLevel: 'courtyard' | 'community' | 'street' | 'department';
  defaultDepartmentCode: string | null;
}

const URGE_RANK = { normal: 1, yellow: 2, red: 3 } as const;

export const slaOf = (s: cases.CaseState, cat: CategoryInfo, cal: WorkingCalendar) =>
  cases.caseSla(s, cat.limits, cat.yellowAt, cal);

export function project(s: cases.CaseState, cat: CategoryInfo, cal: WorkingCalendar, now: Date): CasePatch {
  const sla = slaOf(s, cat, cal);
  const open = cases.OPEN_STATUSES.includes(s.status);
  const urged = open
    ? (s.urges.reduce<cases.UrgeLevel | null>(
        (m, u) => (m === null || URGE_RANK[u.level] > URGE_RANK[m] ? u.level : m),
        null,
      ) ?? null)
    : null;
  return {
    status: s.status,
    level: s.level,
    version: s.version,
    state: documentOf(s),
    sla_stage: sla?.stage ?? null,
    yellow_at: sla?.yellowAt ? new Date(sla.yellowAt) : null,
    due_at: sla ? new Date(sla.dueAt) : null,
    urged,
    accepted_at: s.acceptedAt ? new Date(s.acceptedAt) : null,
    resolved_at: s.resolvedAt ? new Date(s.resolvedAt) : null,
    closed_at: s.closedAt ? new Date(s.closedAt) : null,
    updated_at: now,
  };
}
