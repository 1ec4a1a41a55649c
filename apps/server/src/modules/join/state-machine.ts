/** A join application: pending until a cadre decides; a decision is final (a rejected applicant reapplies). */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export type Decision = 'approve' | 'reject';

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<Decision, ApplicationStatus>>> = {
  pending: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
};

export const nextStatus = (from: ApplicationStatus, d: Decision): ApplicationStatus | null =>
  TRANSITIONS[from][d] ?? null;
