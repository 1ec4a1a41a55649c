/**
 * Grows the demo district 临江区 to the size of the cases benchmark, in bulk SQL: streets, communities,
 * grids and buildings (org_node rows shaped like the org service writes them), departments serving the new
 * streets, and people: a secretary per community, a dispatcher per street, a staff member per department,
 * residents in every community, and the two measured cadres (a dispatcher and a secretary of many communities).
 */
import { type RawBuilder, sql } from 'kysely';
import { type Linli, personName, rng } from './linli.ts';

type Db = Linli['database']['db'];

export interface OrgSize {
  streets: number;
  communities: number;
  gridsPerCommunity: number;
  buildingsPerGrid: number;
  residentsPerCommunity: number;
  /** Communities the measured secretary holds a grant in. */
  secretaryCommunities: number;
}

export interface Cadre {
  phone: string;
  userId: string;
  /** Org paths the cadre's grants cover. */
  paths: string[];
}

export interface CaseWorld {
  districtId: string;
  dispatcher: Cadre & { streetId: string };
  secretary: Cadre & { communityIds: string[] };
  departments: number;
}

const PLACES =
  '东湖 西岭 南浦 北苑 翠竹 金桥 银杏 青云 白石 红枫 柳岸 松涛 梅园 兰亭 菊坊 荷塘 枫林 桂香 春晖 秋实 夏荷 冬青 瑞金 长宁 安澜 永和 泰康 康乐 福田 和平 新华 光明 朝阳 晨曦 星河 月湾 海滨 江畔 湖滨 山景 云杉 锦绣 嘉禾 丰收 宏图 鸿运 振兴 友谊 团结 胜利'.split(
    ' ',
  );
const NEW_DEPARTMENTS = [
  ['swj', '区水务局'],
  ['fgj', '区房屋管理局'],
  ['jtw', '区交通委员会'],
  ['sthj', '区生态环境局'],
  ['mzj', '区民政局'],
  ['wjw', '区卫生健康委员会'],
] as const;
/** Generated accounts: 136 + 8 digits (the join applications use 137). */
const phoneOf = (n: number) => `136${String(n).padStart(8, '0')}`;

const one = async <T>(db: Db, q: RawBuilder<T>) => (await q.execute(db)).rows[0]!;

/** New org nodes under `parents` (`count` per parent), numbered from `sortFrom`. */
async function addNodes(
  db: Db,
  f: { type: string; parents: string; count: number; kind: string; name: string; code: string; sortFrom: number },
) {
  // `parents` is a query of (id, path, depth, community_id, code, pk, kind); `name`/`code`/`kind` are SQL over p, i.
  await sql
    .raw(`
    INSERT INTO org_node (id, parent_id, type, kind, name, code, path, depth, community_id, sort_key, created_at, updated_at)
    SELECT n.id, n.parent_id, '${f.type}', n.kind, n.name, n.code, n.parent_path || n.id || '/', n.depth,
      CASE WHEN '${f.type}' = 'community' THEN n.id ELSE n.community_id END, n.sort_key, now(), now()
    FROM (
      SELECT nextval('org_node_id_seq') AS id, p.id AS parent_id, p.path AS parent_path, p.depth + 1 AS depth,
        p.community_id, ${f.kind} AS kind, ${f.name} AS name, ${f.code} AS code, ${f.sortFrom} + p.pk * ${f.count} + i AS sort_key
      FROM (${f.parents}) p CROSS JOIN generate_series(1, ${f.count}) i
      ORDER BY p.pk, i
    ) n`)
    .execute(db);
}

async function addUsers(db: Db, n: number, first: number, hash: string, r: () => number): Promise<void> {
  const names = Array.from({ length: n }, () => personName(r));
  await sql`
    INSERT INTO app_user (id, phone, name, password_hash, password_changed_at, created_at)
    SELECT gen_random_uuid(), '136' || lpad((${first}::int + i - 1)::text, 8, '0'), (${names}::text[])[i], ${hash}, now(), now()
    FROM generate_series(1, ${n}::int) i`.execute(db);
}

/** Grants `role` to the generated users numbered first… at the nodes of `nodes` (id, k from 0), in order. */
async function grant(db: Db, role: string, first: number, nodes: string, dept = 'NULL') {
  await sql
    .raw(`
    INSERT INTO role_grant (id, user_id, role, node_id, department_id, created_at)
    SELECT gen_random_uuid(), u.id, '${role}', n.id, ${dept}, now()
    FROM (${nodes}) n JOIN app_user u ON u.phone = '136' || lpad((${first} + n.k)::text, 8, '0')`)
    .execute(db);
}

export async function growDistrict(db: Db, size: OrgSize): Promise<CaseWorld> {
  const r = rng(20261201);
  const district = await one(
    db,
    sql<{ id: string; path: string; code: string }>`
    SELECT id, path, code FROM org_node WHERE type = 'district' ORDER BY id LIMIT 1`,
  );
  const existing = await one(
    db,
    sql<{ streets: number; communities: number }>`
    SELECT count(*) FILTER (WHERE type = 'street')::int AS streets, count(*) FILTER (WHERE type = 'community')::int AS communities
    FROM org_node`,
  );
  const newStreets = Math.max(1, size.streets - existing.streets);
  const newCommunities = Math.max(newStreets, size.communities - existing.communities);
  const streetNames = Array.from(
    { length: newStreets },
    (_, i) => `${PLACES[i % PLACES.length]}${i % 6 === 5 ? '镇' : '街道'}`,
  );
  const communityNames = Array.from({ length: newCommunities }, (_, i) => {
    const a = PLACES[(i * 7) % PLACES.length]!;
    const b = PLACES[(i * 13 + 5) % PLACES.length]!.slice(0, 1);
    return `${a}${b}${Math.floor(i / 300) > 0 ? Math.floor(i / 300) + 1 : ''}`;
  });
  const tag = 'sort_key >= 100000';
  // Streets under the district; communities round-robin over the new streets (villages in towns).
  await addNodes(db, {
    type: 'street',
    parents: `SELECT id, path, depth, community_id, code, 0 AS pk FROM org_node WHERE id = ${district.id}`,
    count: newStreets,
    kind: `CASE WHEN i % 6 = 0 THEN 'town' ELSE 'street' END`,
    name: `(ARRAY['${streetNames.join("','")}'])[i]`,
    code: `p.code || (200 + i)::text`,
    sortFrom: 100000,
  });
  const streetsQ = `SELECT id, path, depth, community_id, code, kind, row_number() OVER (ORDER BY id) - 1 AS pk
    FROM org_node WHERE type = 'street' AND ${tag}`;
  const perStreet = Math.ceil(newCommunities / newStreets);
  await addNodes(db, {
    type: 'community',
    parents: streetsQ,
    count: perStreet,
    kind: `CASE WHEN p.kind = 'town' AND i % 3 = 0 THEN 'village' ELSE 'residential' END`,
    name: `(ARRAY['${communityNames.join("','")}'])[1 + ((i - 1) * ${newStreets} + p.pk) % ${newCommunities}] || CASE WHEN p.kind = 'town' AND i % 3 = 0 THEN '村' ELSE '社区' END`,
    code: `p.code || lpad(i::text, 3, '0')`,
    sortFrom: 200000,
  });
  // Trim to the exact count: the last community of the last streets goes.
  const nth = `(sort_key - 200001) % ${perStreet}`;
  await sql
    .raw(`DELETE FROM org_node WHERE id IN (SELECT id FROM org_node WHERE type = 'community' AND ${tag}
    ORDER BY ${nth} DESC, sort_key DESC LIMIT ${perStreet * newStreets - newCommunities})`)
    .execute(db);
  const communitiesQ = `SELECT id, path, depth, community_id, code, kind, row_number() OVER (ORDER BY id) - 1 AS pk
    FROM org_node WHERE type = 'community' AND ${tag}`;
  await addNodes(db, {
    type: 'grid',
    parents: communitiesQ,
    count: size.gridsPerCommunity,
    kind: 'NULL',
    name: `CASE WHEN p.kind = 'village' THEN '第' || i || '村民小组网格' ELSE '第' || i || '网格' END`,
    code: `p.code || lpad(i::text, 2, '0')`,
    sortFrom: 300000,
  });
  await addNodes(db, {
    type: 'building',
    parents: `SELECT g.id, g.path, g.depth, g.community_id, g.code, c.kind, row_number() OVER (ORDER BY g.id) - 1 AS pk
      FROM org_node g JOIN org_node c ON c.id = g.community_id WHERE g.type = 'grid' AND g.${tag}`,
    count: size.buildingsPerGrid,
    kind: `CASE WHEN p.kind = 'village' THEN 'courtyard' ELSE 'building' END`,
    name: `CASE WHEN p.kind = 'village' THEN ((p.pk % ${size.gridsPerCommunity}) * ${size.buildingsPerGrid} + i) || '组院落' ELSE ((p.pk % ${size.gridsPerCommunity}) * ${size.buildingsPerGrid} + i) || '号楼' END`,
    code: `CASE WHEN p.kind = 'village' THEN NULL ELSE ((p.pk % ${size.gridsPerCommunity}) * ${size.buildingsPerGrid} + i)::text END`,
    sortFrom: 2000000,
  });

  // Departments: the demo ones and six more serve every new street.
  for (const [i, [code, name]] of NEW_DEPARTMENTS.entries())
    await sql`INSERT INTO department (id, district_id, name, code) VALUES (${String(101 + i)}, ${district.id}, ${name}, ${code})`.execute(
      db,
    );
  await sql
    .raw(`INSERT INTO department_street (department_id, street_id)
    SELECT d.id, s.id FROM department d CROSS JOIN (${streetsQ}) s`)
    .execute(db);

  // People. Every generated account signs in with the demo password.
  const { password_hash: hash } = await one(
    db,
    sql<{ password_hash: string }>`
    SELECT password_hash FROM app_user WHERE phone = '13800000001'`,
  );
  let next = 0;
  const people = async (role: string, nodes: string, dept = 'NULL') => {
    const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${sql.raw(nodes)}) x`.execute(db)).rows[0]!.n;
    await addUsers(db, n, next, hash, r);
    await grant(db, role, next, nodes, dept);
    const first = next;
    next += n;
    return first;
  };
  const without = (type: string, role: string) => `SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM org_node n
    WHERE type = '${type}' AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.node_id = n.id AND g.role = '${role}')`;
  await people('community_secretary', without('community', 'community_secretary'));
  await people('street_dispatcher', without('street', 'street_dispatcher'));
  await people(
    'department_staff',
    `SELECT ${district.id} AS id, d.id AS dept, row_number() OVER (ORDER BY d.id) - 1 AS k FROM department d
     WHERE NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.department_id = d.id)`,
    'n.dept',
  );
  await people(
    'resident',
    `SELECT c.id, row_number() OVER (ORDER BY c.id, i) - 1 AS k FROM org_node c
     CROSS JOIN generate_series(1, ${size.residentsPerCommunity}) i WHERE c.type = 'community'`,
  );
  // The measured secretary: one account, a grant in each of N new communities of different streets.
  const secretaryNo = next++;
  await addUsers(db, 1, secretaryNo, hash, r);
  await grant(
    db,
    'community_secretary',
    secretaryNo,
    `SELECT id, 0 AS k FROM org_node WHERE type = 'community' AND ${tag} ORDER BY ${nth}, sort_key
     LIMIT ${size.secretaryCommunities}`,
  );

  const cadre = async (where: RawBuilder<unknown>) => {
    const rows = (
      await sql<{ user_id: string; phone: string; node_id: string; path: string }>`
        SELECT g.user_id, u.phone, g.node_id, n.path FROM role_grant g JOIN app_user u ON u.id = g.user_id
        JOIN org_node n ON n.id = g.node_id WHERE ${where} ORDER BY n.path`.execute(db)
    ).rows;
    const first = rows[0]!;
    return {
      phone: first.phone,
      userId: first.user_id,
      paths: rows.map((x) => x.path),
      nodeIds: rows.map((x) => x.node_id),
    };
  };
  // The measured dispatcher works in the first new street.
  const d = await cadre(sql`g.role = 'street_dispatcher' AND g.node_id = (SELECT id FROM org_node
    WHERE type = 'street' AND sort_key >= 100000 ORDER BY sort_key LIMIT 1)`);
  const s = await cadre(sql`u.phone = ${phoneOf(secretaryNo)}`);
  const departments = await one(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM department`);
  return {
    districtId: district.id,
    dispatcher: { phone: d.phone, userId: d.userId, paths: d.paths, streetId: d.nodeIds[0]! },
    secretary: { phone: s.phone, userId: s.userId, paths: s.paths, communityIds: s.nodeIds },
    departments: departments.n,
  };
}
