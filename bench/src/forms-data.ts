/**
 * The forms benchmark's world (issue 7): the district grown by the cases benchmark's generator to
 * BENCH_FORMS_COMMUNITIES communities, then a registry in bulk SQL — the measured community's four grids with
 * units, rooms, housing facts and BENCH_FORMS_HOUSEHOLDS households each (people 1–5 to a household, birth
 * dates over 90 years, tags as a committee records them), households without rooms in every other community;
 * a grid worker of the measured grid; the 32-field form (30 bound fields of every binding kind, 2 typed); and
 * the answers of the communities' tasks (what a district gets back from 600 committees).
 */
import { sql } from 'kysely';
import { growDistrict } from './cases-org.ts';
import { type Linli, personName, rng } from './linli.ts';

type Db = Linli['database']['db'];
const one = async <T>(db: Db, q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0]!;

export const WORKER_PHONE = '13500000001';

/** The 30 bound fields (every binding kind) and 2 a committee types. */
export function formFields() {
  const ages = [6, 14, 18, 35, 50, 60, 65, 70, 75, 80, 85, 90];
  const tags = [
    ['party_member', '党员'],
    ['low_income', '低保'],
    ['extreme_poverty', '特困'],
    ['disabled', '残疾人'],
    ['elderly_alone', '独居老人'],
    ['veteran', '退役军人'],
    ['volunteer', '志愿者'],
    ['resident_rep', '居民代表'],
    ['key_care', '重点关爱'],
    ['unemployed', '失业人员'],
    ['elderly', '老年人(标签)'],
    ['advanced_age', '高龄老人(标签)'],
    ['school_age', '适龄儿童(标签)'],
  ] as const;
  const cols = [
    { key: 'name', label: '姓名', type: 'text' },
    { key: 'address', label: '地址', type: 'text' },
  ];
  return [
    { key: 'people', label: '实有人口', type: 'number', binding: { kind: 'people' } },
    { key: 'households', label: '户数', type: 'number', binding: { kind: 'households' } },
    { key: 'area', label: '住房总面积', type: 'number', binding: { kind: 'floor_area' } },
    ...ages.map((a) => ({
      key: `age${a}`,
      label: `${a}岁以上人数`,
      type: 'number',
      binding: { kind: 'age_count', minAge: a },
    })),
    ...tags.map(([tag, name]) => ({
      key: `tag_${tag}`,
      label: `${name}人数`,
      type: 'number',
      binding: { kind: 'tag_count', tag },
    })),
    ...(['elderly_alone', 'key_care'] as const).map((tag) => ({
      key: `list_${tag}`,
      label: tag === 'elderly_alone' ? '独居老人名单' : '重点关爱名单',
      type: 'table',
      columns: cols,
      binding: { kind: 'tag_list', tag },
    })),
    { key: 'heating', label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'], required: true },
    { key: 'needy', label: '需帮扶困难家庭数', type: 'number', required: true },
  ];
}
export type FormField = ReturnType<typeof formFields>[number];

export interface FormsWorld {
  districtId: string;
  districtPath: string;
  community: { id: string; path: string; name: string };
  grid: { id: string; path: string; name: string };
  communityIds: string[];
  rows: Record<string, number>;
}

/** Grows the district (unless an earlier phase did) and writes the registry described above. */
export async function generateForms(
  db: Db,
  size: { communities: number; households: number; otherHouseholds: number },
): Promise<FormsWorld> {
  const grown = await one(
    db,
    sql<{ n: number }>`SELECT count(*)::int AS n FROM org_node WHERE type = 'community' AND sort_key >= 200000`,
  );
  if (grown.n === 0)
    await growDistrict(db, {
      streets: Math.max(3, Math.ceil(size.communities / 20)),
      communities: size.communities,
      gridsPerCommunity: 4,
      buildingsPerGrid: 6,
      residentsPerCommunity: 2,
      secretaryCommunities: 3,
    });
  const district = await one(
    db,
    sql<{ id: string; path: string }>`SELECT id::text, path FROM org_node WHERE type = 'district' ORDER BY id LIMIT 1`,
  );
  const community = await one(
    db,
    sql<{ id: string; path: string; name: string }>`SELECT id::text, path, name FROM org_node
      WHERE type = 'community' AND kind = 'residential' AND sort_key >= 200000 ORDER BY sort_key LIMIT 1`,
  );
  const grid = await one(
    db,
    sql<{ id: string; path: string; name: string }>`SELECT id::text, path, name FROM org_node
      WHERE type = 'grid' AND parent_id = ${community.id} ORDER BY sort_key LIMIT 1`,
  );
  const r = rng(20261125);
  const names = Array.from({ length: 997 }, () => personName(r));
  const M = community.id;

  // Units and rooms under the measured community's buildings: enough rooms for the households of a grid.
  const buildings = await one(
    db,
    sql<{ n: number }>`SELECT count(*)::int AS n FROM org_node WHERE type = 'building' AND parent_id = ${grid.id}`,
  );
  const roomsPerUnit = Math.ceil(size.households / buildings.n / 2);
  const addUnder = (type: string, parentType: string, count: number, name: string) =>
    sql
      .raw(`INSERT INTO org_node (id, parent_id, type, kind, name, code, path, depth, community_id, sort_key, created_at, updated_at)
      SELECT n.id, n.parent_id, '${type}', NULL, n.name, NULL, n.parent_path || n.id || '/', n.depth, ${M}, n.sort_key, now(), now()
      FROM (SELECT nextval('org_node_id_seq') AS id, p.id AS parent_id, p.path AS parent_path, p.depth + 1 AS depth,
          ${name} AS name, i AS sort_key
        FROM org_node p CROSS JOIN generate_series(1, ${count}) i
        WHERE p.community_id = ${M} AND p.type = '${parentType}' ORDER BY p.path, i) n`)
      .execute(db);
  await addUnder('unit', 'building', 2, `i || '单元'`);
  await addUnder(
    'room',
    'unit',
    roomsPerUnit,
    `(((i - 1) / 2) + 1) || lpad((((i - 1) % 2) + 1)::text, 2, '0') || '室'`,
  );
  await sql`INSERT INTO housing_unit (community_id, node_id, floor_area, use, ownership, updated_at)
    SELECT ${M}, r.id, 45 + (abs(hashtext(r.id::text)) % 9500) / 100.0, 'residential',
      CASE WHEN abs(hashtext(r.id::text || 'o')) % 100 < 22 THEN 'rented' ELSE 'owner_occupied' END, now()
    FROM org_node r WHERE r.community_id = ${M} AND r.type = 'room'`.execute(db);
  // Households: the first N rooms of every grid of the measured community; elsewhere, no room (address text).
  await sql`INSERT INTO household (community_id, id, address_node_id, address_text, created_at)
    SELECT ${M}, gen_random_uuid(), x.id, x.address, now() FROM (
      SELECT r.id, b.name || u.name || r.name AS address,
        row_number() OVER (PARTITION BY b.parent_id ORDER BY r.path) AS k
      FROM org_node r JOIN org_node u ON u.id = r.parent_id JOIN org_node b ON b.id = u.parent_id
      WHERE r.community_id = ${M} AND r.type = 'room') x
    WHERE x.k <= ${size.households}`.execute(db);
  await sql`INSERT INTO household (community_id, id, address_node_id, address_text, created_at)
    SELECT c.id, gen_random_uuid(), NULL, c.name || (1 + i / 40) || '号楼' || (i % 40 + 101) || '室', now()
    FROM org_node c CROSS JOIN generate_series(1, ${size.otherHouseholds}::int) i
    WHERE c.type = 'community' AND c.id <> ${M}`.execute(db);

  // People: household sizes 1–5 (2.6 on average), heads and spouses 30–90 years old, children up to 30. Only the
  // households written above have no people yet.
  await sql`INSERT INTO person (community_id, id, household_id, name, relation, id_cipher, id_blind, id_masked, sex,
      birth_date, created_at, name_initials, residence_status)
    SELECT h.community_id, gen_random_uuid(), h.id, (${names}::text[])[1 + abs(hashtext(h.id::text || i)) % 997],
      CASE i WHEN 1 THEN 'head' WHEN 2 THEN 'spouse' ELSE 'child' END, 'x', 'fb-' || h.id || '-' || i,
      '510107**********0000', CASE WHEN abs(hashtext(h.id::text || i || 's')) % 2 = 0 THEN 'M' ELSE 'F' END,
      to_char(CASE WHEN i <= 2 THEN date '1936-01-01' + abs(hashtext(h.id::text || i)) % 21900
        ELSE date '1996-01-01' + abs(hashtext(h.id::text || i)) % 10900 END, 'YYYY-MM-DD'),
      now(), 'xx', CASE WHEN abs(hashtext(h.id::text || 'r')) % 100 < 9 THEN 'floating' ELSE 'permanent' END
    FROM household h
    CROSS JOIN LATERAL generate_series(1, CASE
      WHEN abs(hashtext(h.id::text)) % 100 < 18 THEN 1 WHEN abs(hashtext(h.id::text)) % 100 < 50 THEN 2
      WHEN abs(hashtext(h.id::text)) % 100 < 78 THEN 3 WHEN abs(hashtext(h.id::text)) % 100 < 93 THEN 4 ELSE 5 END) i
    WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.community_id = h.community_id AND p.household_id = h.id)`.execute(
    db,
  );
  return finish(db, { district, community, grid, M });
}

async function finish(
  db: Db,
  w: {
    district: { id: string; path: string };
    community: FormsWorld['community'];
    grid: FormsWorld['grid'];
    M: string;
  },
): Promise<FormsWorld> {
  // Tags as committees record them (per mille of the people they could apply to).
  const TAGS: [string, number, string, string | null][] = [
    ['party_member', 90, `p.birth_date <= '2007-01-01'`, null],
    ['low_income', 50, `p.relation = 'head'`, null],
    ['extreme_poverty', 6, `p.relation = 'head'`, null],
    ['disabled', 30, 'true', '2'],
    ['veteran', 35, `p.birth_date BETWEEN '1956-01-01' AND '2003-01-01'`, null],
    ['volunteer', 70, `p.birth_date BETWEEN '1951-01-01' AND '2007-01-01'`, null],
    ['resident_rep', 25, `p.birth_date <= '1995-01-01'`, null],
    ['key_care', 300, `p.birth_date <= '1950-01-01'`, null],
    ['unemployed', 30, `p.birth_date BETWEEN '1965-01-01' AND '2007-01-01'`, null],
  ];
  const tagged = (code: string, where: string, level: string | null) =>
    sql
      .raw(`INSERT INTO person_tag (community_id, person_id, tag_code, level, valid_from, valid_to, evidence, set_by,
        set_by_name, set_at)
      SELECT p.community_id, p.id, '${code}', ${level ? `'${level}'` : 'NULL'}, '2024-01-01', NULL, '压测数据', NULL,
        '压测数据', now()
      FROM person p WHERE p.id_blind LIKE 'fb-%' AND (${where})`)
      .execute(db);
  for (const [code, permille, where, level] of TAGS)
    await tagged(code, `abs(hashtext(p.id::text || '${code}')) % 1000 < ${permille} AND ${where}`, level);
  // Living alone at 60 or more: a one-person household.
  await tagged(
    'elderly_alone',
    `p.birth_date <= '1966-01-01' AND NOT EXISTS (SELECT 1 FROM person s WHERE s.community_id = p.community_id
      AND s.household_id = p.household_id AND s.id <> p.id)`,
    null,
  );
  // A grid worker of the measured grid, signing in with the demo password.
  await sql`INSERT INTO app_user (id, phone, name, password_hash, password_changed_at, created_at)
    SELECT gen_random_uuid(), ${WORKER_PHONE}, '网格员(压测)', password_hash, now(), now()
    FROM app_user WHERE phone = '13800000001'`.execute(db);
  await sql`INSERT INTO role_grant (id, user_id, role, node_id, created_at)
    SELECT gen_random_uuid(), id, 'grid_worker', ${w.grid.id}, now() FROM app_user WHERE phone = ${WORKER_PHONE}`.execute(
    db,
  );
  await sql`ANALYZE`.execute(db);
  const count = async (q: string) => Number((await sql.raw<{ n: string }>(q).execute(db)).rows[0]!.n);
  const under = `JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    JOIN org_node r ON r.id = h.address_node_id WHERE p.community_id = ${w.M} AND r.path LIKE '${w.grid.path}%'`;
  const rows = {
    communities: await count(`SELECT count(*) AS n FROM org_node WHERE type = 'community'`),
    households: await count('SELECT count(*) AS n FROM household'),
    people: await count('SELECT count(*) AS n FROM person'),
    personTags: await count('SELECT count(*) AS n FROM person_tag'),
    gridHouseholds: await count(`SELECT count(DISTINCT p.household_id) AS n FROM person p ${under}`),
    gridPeople: await count(`SELECT count(*) AS n FROM person p ${under}`),
    gridTags: await count(`SELECT count(*) AS n FROM person p JOIN person_tag t ON t.community_id = p.community_id
      AND t.person_id = p.id ${under.replace('WHERE', 'WHERE true AND')}`),
  };
  const ids = (
    await sql<{ id: string }>`SELECT id::text FROM org_node WHERE type = 'community' ORDER BY path`.execute(db)
  ).rows.map((x) => x.id);
  return {
    districtId: w.district.id,
    districtPath: w.district.path,
    community: w.community,
    grid: w.grid,
    communityIds: ids,
    rows,
  };
}

const AT_LEAST = {
  6: 0.93,
  14: 0.85,
  18: 0.8,
  35: 0.55,
  50: 0.38,
  60: 0.26,
  65: 0.19,
  70: 0.13,
  75: 0.08,
  80: 0.045,
  85: 0.02,
  90: 0.007,
} as Record<number, number>;
const TAG_SHARE: Record<string, number> = {
  party_member: 0.07,
  low_income: 0.02,
  extreme_poverty: 0.002,
  disabled: 0.025,
  elderly_alone: 0.01,
  veteran: 0.015,
  volunteer: 0.05,
  resident_rep: 0.01,
  key_care: 0.004,
  unemployed: 0.015,
  elderly: AT_LEAST[60]!,
  advanced_age: AT_LEAST[80]!,
  school_age: 0.09,
};

/**
 * What a committee sends back for its whole community: registry-sized counts (2,500–9,500 people), the lists
 * of people living alone and needing care with their addresses, the heating choice and a typed number.
 * Answers the answers and the pre-filled part (the bound fields, as submission freezes them).
 */
export function communityAnswers(fields: readonly FormField[], r: () => number) {
  const people = Math.round(2500 + r() * 7000);
  const households = Math.round(people / 2.6);
  const jitter = () => 0.85 + r() * 0.3;
  const address = () =>
    `${1 + Math.floor(r() * 24)}号楼${1 + Math.floor(r() * 2)}单元${1 + Math.floor(r() * 18)}0${1 + Math.floor(r() * 2)}室`;
  const prefill: Record<string, unknown> = {};
  for (const f of fields) {
    const b = (f as { binding?: { kind: string; tag?: string; minAge?: number } }).binding;
    if (!b) continue;
    if (b.kind === 'people') prefill[f.key] = people;
    else if (b.kind === 'households') prefill[f.key] = households;
    else if (b.kind === 'floor_area') prefill[f.key] = Math.round(households * (60 + r() * 40) * 100) / 100;
    else if (b.kind === 'age_count') prefill[f.key] = Math.round(people * AT_LEAST[b.minAge!]! * jitter());
    else if (b.kind === 'tag_count') prefill[f.key] = Math.round(people * TAG_SHARE[b.tag!]! * jitter());
    else if (b.kind === 'tag_list')
      prefill[f.key] = Array.from({ length: Math.round(people * TAG_SHARE[b.tag!]! * jitter()) }, () => ({
        name: personName(r),
        address: address(),
      }));
  }
  const heating = ['集中供暖', '自采暖', '无'][r() < 0.7 ? 0 : r() < 0.8 ? 1 : 2]!;
  return { prefill, answers: { ...prefill, heating, needy: Math.round(households * 0.02 * jitter()) } };
}
