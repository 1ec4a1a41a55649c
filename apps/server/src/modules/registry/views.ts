/** Person rows and cards as the caller may see them. */
import type { Ctx } from '../../platform/context.ts';
import * as records from '../residents/records.ts';
import { isDerived, maySet, mayView, rolesOver } from './access.ts';

type Tag = Awaited<ReturnType<typeof records.allTags>>[number];
type PersonTagRow = Awaited<ReturnType<typeof records.tagsOfPeople>>[number];

const today = (ctx: Ctx) => records.chinaToday(ctx.now);

/** Age tags a birth date gives today. */
function derivedTags(tags: Tag[], birthDate: string, day: string) {
  const age = records.ageOn(birthDate, day);
  return tags.filter(
    (t) =>
      t.active && isDerived(t) && (t.min_age === null || age >= t.min_age) && (t.max_age === null || age <= t.max_age),
  );
}

const valid = (pt: PersonTagRow, day: string) => pt.valid_from <= day && (pt.valid_to === null || pt.valid_to >= day);

/** Listing rows: full for holders of person.read over the place, name/address/phone only otherwise. */
export async function rows(ctx: Ctx, people: records.PersonRecord[]) {
  const full = people.filter((p) => ctx.can('person.read', p.place));
  const [tags, set] = await Promise.all([
    records.allTags(ctx.tx),
    records.tagsOfPeople(
      ctx.tx,
      full.map((p) => p.community_id),
      full.map((p) => p.id),
    ),
  ]);
  const day = today(ctx);
  const byCode = new Map(tags.map((t) => [t.code, t]));
  return people.map((p) => {
    const base = { id: p.id, name: p.name, address: p.address_text, roomId: p.address_node_id, phone: p.phone };
    if (!ctx.can('person.read', p.place)) return { ...base, contactOnly: true };
    const roles = rolesOver(ctx, p.place);
    const own = set
      .filter((s) => s.person_id === p.id && valid(s, day))
      .map((s) => byCode.get(s.tag_code)!)
      .filter((t) => t && mayView(t, roles));
    return {
      ...base,
      contactOnly: false,
      householdId: p.household_id,
      relation: p.relation as never,
      sex: p.sex as 'male' | 'female',
      age: records.ageOn(p.birth_date, day),
      residenceStatus: p.residence_status as never,
      idMasked: p.id_masked,
      tags: [...own, ...derivedTags(tags, p.birth_date, day)].map((t) => ({
        code: t.code,
        name: t.name,
        nameEn: t.name_en,
      })),
    };
  });
}

/** The person card (the caller holds person.read over the place). */
export async function card(ctx: Ctx, p: records.PersonRecord) {
  const day = today(ctx);
  const roles = rolesOver(ctx, p.place);
  const [tags, set, members] = await Promise.all([
    records.allTags(ctx.tx),
    records.tagsOfPeople(ctx.tx, [p.community_id], [p.id]),
    records.householdMembers(ctx.tx, p.community_id, p.household_id),
  ]);
  const byCode = new Map(tags.map((t) => [t.code, t]));
  const stored = set
    .map((s) => ({ s, t: byCode.get(s.tag_code)! }))
    .filter(({ t }) => t && mayView(t, roles))
    .map(({ s, t }) => ({
      code: t.code,
      name: t.name,
      nameEn: t.name_en,
      sensitive: t.sensitive,
      derived: false,
      level: s.level,
      validFrom: s.valid_from,
      validTo: s.valid_to,
      evidence: s.evidence,
      setByName: s.set_by_name,
      canSet: maySet(t, roles) && ctx.can('registry.edit', p.place),
    }));
  const derived = derivedTags(tags, p.birth_date, day).map((t) => ({
    code: t.code,
    name: t.name,
    nameEn: t.name_en,
    sensitive: false,
    derived: true,
    level: null,
    validFrom: null,
    validTo: null,
    evidence: null,
    setByName: null,
    canSet: false,
  }));
  return {
    id: p.id,
    communityId: p.community_id,
    householdId: p.household_id,
    name: p.name,
    relation: p.relation as never,
    phone: p.phone,
    idMasked: p.id_masked,
    sex: p.sex as 'male' | 'female',
    birthDate: p.birth_date,
    age: records.ageOn(p.birth_date, day),
    residenceStatus: p.residence_status as never,
    address: p.address_text,
    roomId: p.address_node_id,
    tags: [...stored, ...derived],
    household: members.map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation as never,
      age: records.ageOn(m.birth_date, day),
      sex: m.sex as 'male' | 'female',
    })),
    hasAccount: p.user_id !== null,
    movedOutAt: p.moved_out_at ? new Date(p.moved_out_at).toISOString() : null,
    version: p.version,
    abilities: {
      // A moved-out record (the household lives in another community now) is kept read-only.
      edit: !p.moved_out_at && ctx.can('registry.edit', p.place),
      revealId: ctx.can('person.reveal_id', p.place),
      /** Tags the caller may set on this person. */
      setTags: !p.moved_out_at && tags.some((t) => maySet(t, roles)) && ctx.can('registry.edit', p.place),
    },
  };
}
