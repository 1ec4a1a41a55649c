/**
 * Commands the system runs on its own (the SLA engine), outside any actor's guard.
 *
 * `autoEscalate`: a submitted case nobody signed for within the accept limit moves one tier up, still
 * waiting to be signed for there: courtyard → community (submitted), community → street (escalated, where
 * the street's registration counts as its acceptance, as for orders that arrive at the street).
 */
import type { CaseState } from './states.ts';

export const SYSTEM_ACTOR = 'system';

export function autoEscalate(state: CaseState, now: Date, note = ''): CaseState | null {
  if (state.status !== 'submitted') return null;
  const s = structuredClone(state);
  const at = now.toISOString();
  const from = s.level;
  if (s.level === 'courtyard') s.level = 'community';
  else {
    s.level = 'street';
    s.status = 'escalated';
    s.acceptedAt = at;
  }
  s.version = state.version + 1;
  s.timeline.push({
    version: s.version,
    type: 'autoEscalate',
    actorId: SYSTEM_ACTOR,
    role: 'system',
    at,
    fromStatus: state.status,
    toStatus: s.status,
    note,
    attachments: [],
    data: { from, to: s.level },
  });
  return s;
}
