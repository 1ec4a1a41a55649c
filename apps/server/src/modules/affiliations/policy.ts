/**
 * Affiliation rules (pure): who reviews each kind, what approval grants, and how a status may move.
 * 报到 is reviewed by the community party organisation (the committee holds `party.review`); 乡愁乡音 by
 * the village committee (`hometown.review`).
 */
import type { Action, api, Role } from '@linli/contracts';

type Kind = api.affiliations.AffiliationKind;
type Status = (typeof api.affiliations.AFFILIATION_STATUSES)[number];

export const REVIEW_ACTION: Record<Kind, Action> = { party: 'party.review', hometown: 'hometown.review' };
export const GRANTED_ROLE: Record<Kind, Role> = { party: 'party_member', hometown: 'hometown_member' };

export type Move = 'approve' | 'reject' | 'withdraw';

/** The status a move leads to, or null when it may not be taken from this one. */
export function nextStatus(from: Status, move: Move): Status | null {
  if (from !== 'pending') return null;
  return move === 'approve' ? 'approved' : move === 'reject' ? 'rejected' : 'withdrawn';
}

/** What a kind asks of the community and the applicant: a party member checks in where they live. */
export function applyDenial(
  kind: Kind,
  c: { village: boolean; member: boolean; hometownMember: boolean },
): { status: number; code: string; path?: string } | null {
  if (kind === 'party') return c.member ? null : { status: 403, code: 'not_a_member' };
  if (!c.village) return { status: 422, code: 'hometown_villages_only', path: '/kind' };
  // People who live in the village already read every board; the hometown board is for those who left.
  if (c.member) return { status: 409, code: 'already_member' };
  return c.hometownMember ? { status: 409, code: 'already_applied' } : null;
}
