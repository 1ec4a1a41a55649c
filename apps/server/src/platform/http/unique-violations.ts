/**
 * A unique constraint that fires means two requests raced past a service's own check. Say what collided,
 * by constraint name, instead of a generic "someone changed this record".
 */
const BY_CONSTRAINT: Record<string, string> = {
  app_user_phone_key: 'phone_registered',
  join_application_one_per_person: 'already_applied',
  role_grant_user_id_role_node_id_key: 'grant_exists',
  org_node_code: 'code_taken',
  case_category_code_key: 'code_taken',
  person_community_id_id_blind_key: 'already_registered',
  person_one_head: 'head_exists',
  household_address: 'room_occupied',
  household_transfer_pending: 'transfer_pending',
};

export const uniqueViolationCode = (constraint: string | undefined): string =>
  (constraint && BY_CONSTRAINT[constraint]) || 'conflict';
