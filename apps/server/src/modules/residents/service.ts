import { randomUUID } from 'node:crypto';
import { idFacts, maskIdNumber, normalizeIdNumber } from '@linli/contracts';
import type { Keys } from '../../platform/crypto/keys.ts';
import { blindIndex, encrypt } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/engine.ts';
import * as repo from './repository.ts';

export { counts, homeOf, householdsUnder, memberFacts } from './repository.ts';

/** Encrypted form of an ID number plus what may be shown or searched without decrypting it. */
export function protectIdNumber(keys: Keys, raw: string) {
  const id = normalizeIdNumber(raw);
  const facts = idFacts(id);
  return { cipher: encrypt(keys, id), blind: blindIndex(keys, id), masked: maskIdNumber(id), ...facts };
}

export interface NewMember {
  communityId: string;
  addressNodeId: string | null;
  addressText: string;
  name: string;
  relation: string;
  phone: string | null;
  userId: string | null;
  id: { cipher: string; blind: string; masked: string; sex: string; birthDate: string };
}

/**
 * Puts a verified person into the household at their address (creating it if needed). A person the
 * committee had already registered by ID number is linked to the account instead of duplicated.
 */
export async function addMember(tx: Db, m: NewMember, at: Date): Promise<{ householdId: string; personId: string }> {
  const known = await repo.personByBlind(tx, m.communityId, m.id.blind);
  if (known) {
    if (m.userId) await repo.linkPersonToUser(tx, m.communityId, known.id, m.userId, m.phone ?? '');
    return { householdId: known.household_id, personId: known.id };
  }
  let householdId = m.addressNodeId ? (await repo.householdAt(tx, m.communityId, m.addressNodeId))?.id : undefined;
  const isNewHousehold = !householdId;
  householdId ??= randomUUID();
  if (isNewHousehold) {
    await repo.insertHousehold(tx, {
      community_id: m.communityId,
      id: householdId,
      address_node_id: m.addressNodeId,
      address_text: m.addressText,
      created_at: at,
    });
  }
  const personId = randomUUID();
  await repo.insertPerson(tx, {
    community_id: m.communityId,
    id: personId,
    household_id: householdId,
    user_id: m.userId,
    name: m.name,
    relation: isNewHousehold ? 'head' : m.relation,
    phone: m.phone,
    id_cipher: m.id.cipher,
    id_blind: m.id.blind,
    id_masked: m.id.masked,
    sex: m.id.sex,
    birth_date: m.id.birthDate,
    created_at: at,
  });
  return { householdId, personId };
}
