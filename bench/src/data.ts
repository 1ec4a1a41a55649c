import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@linli/contracts';
import { type Insertable, sql } from 'kysely';
import { DEMO_APPLICANTS, type JoinTables, type Linli, personName, protectIdNumber, rng } from './linli.ts';

type Db = Linli['database']['db'];
type Application = Insertable<JoinTables['join_application']>;

interface Node {
  id: string;
  parent_id: string | null;
  type: string;
  name: string;
  kind: string | null;
  path: string;
  community_id: string | null;
}

interface Community {
  node: Node;
  rooms: { id: string; text: string }[];
  reviewer: string;
}

const AREAS = ['310199', '310115', '310104', '320102', '330106', '340104', '360102', '510107'];
const REASONS = ['地址与户籍信息不符', '身份证号码与姓名不一致', '非本社区常住居民', '请补充租房合同后重新申请'];
const DAY = 86_400_000;
const BATCH = 500;

/** Each community with its rooms ("2号楼 1单元 301室") and someone to have decided its applications. */
async function loadCommunities(db: Db): Promise<Community[]> {
  const nodes = (await db
    .selectFrom('org_node')
    .select(['id', 'parent_id', 'type', 'name', 'kind', 'path', 'community_id'])
    .orderBy('path')
    .execute()) as Node[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const reviewers = await db
    .selectFrom('role_grant as g')
    .innerJoin('org_node as n', 'n.id', 'g.node_id')
    .select(['g.user_id', 'n.path'])
    .where('g.role', 'in', ['community_secretary', 'district_admin'])
    .orderBy('n.depth', 'desc')
    .execute();
  const addressOf = (room: Node) => {
    const parts: string[] = [];
    for (let n: Node | undefined = room; n && n.type !== 'grid'; n = byId.get(n.parent_id ?? '')) parts.unshift(n.name);
    return parts.join(' ');
  };
  return nodes
    .filter((n) => n.type === 'community')
    .map((c) => ({
      node: c,
      rooms: nodes
        .filter((n) => n.type === 'room' && n.community_id === c.id)
        .map((r) => ({ id: r.id, text: addressOf(r) })),
      reviewer: reviewers.find((g) => c.path.startsWith(g.path))!.user_id,
    }));
}

/**
 * Adds `count` join applications (and their applicants' accounts) spread over the communities: ~35%
 * pending from the last month, the rest approved or rejected over the last half year. ID numbers are
 * valid, encrypted, blind-indexed and masked exactly as the join service stores them.
 */
export async function addApplications(db: Db, keys: Parameters<typeof protectIdNumber>[0], count: number) {
  const r = rng(20261125);
  const communities = await loadCommunities(db);
  const hash = (await db.selectFrom('app_user').select('password_hash').limit(1).executeTakeFirstOrThrow())
    .password_hash;
  const now = Date.now();
  const taken = new Set<string>(DEMO_APPLICANTS.map((a) => makeIdNumber('310199', a.birth, a.seq)));
  const users: {
    id: string;
    phone: string;
    name: string;
    password_hash: string;
    password_changed_at: Date;
    created_at: Date;
  }[] = [];
  const apps: Application[] = [];
  for (let i = 0; i < count; i++) {
    const c = communities[i % communities.length]!;
    let idNumber: string;
    do {
      const year = 1940 + Math.floor(r() * 66);
      const birth = `${year}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      idNumber = makeIdNumber(AREAS[Math.floor(r() * AREAS.length)]!, birth, Math.floor(r() * 1000));
    } while (taken.has(idNumber));
    taken.add(idNumber);
    const roll = r();
    const status = roll < 0.35 ? 'pending' : roll < 0.85 ? 'approved' : 'rejected';
    const created = new Date(now - Math.floor(r() * (status === 'pending' ? 30 : 180) * DAY));
    const decided = status === 'pending' ? null : new Date(created.getTime() + Math.floor(r() * 3 * DAY));
    // Villages may type a free-text address instead of picking a house.
    const room = c.node.kind === 'village' && r() < 0.3 ? null : c.rooms[Math.floor(r() * c.rooms.length)]!;
    const user = {
      id: randomUUID(),
      phone: `137${String(i).padStart(8, '0')}`,
      name: personName(r),
      password_hash: hash,
      password_changed_at: created,
      created_at: created,
    };
    users.push(user);
    const p = protectIdNumber(keys, idNumber);
    apps.push({
      community_id: c.node.id,
      id: randomUUID(),
      user_id: user.id,
      name: user.name,
      phone: user.phone,
      id_cipher: p.cipher,
      id_blind: p.blind,
      id_masked: p.masked,
      sex: p.sex,
      birth_date: p.birthDate,
      address_node_id: room?.id ?? null,
      address_text: room?.text ?? `${c.node.name}${1 + Math.floor(r() * 8)}组${1 + Math.floor(r() * 60)}号`,
      status,
      reason: status === 'rejected' ? REASONS[Math.floor(r() * REASONS.length)]! : null,
      decided_at: decided,
      decided_by: decided ? c.reviewer : null,
      created_at: created,
    });
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < count; i += BATCH)
      await tx
        .insertInto('app_user')
        .values(users.slice(i, i + BATCH))
        .execute();
    const j = tx.withTables<JoinTables>();
    for (let i = 0; i < count; i += BATCH)
      await j
        .insertInto('join_application')
        .values(apps.slice(i, i + BATCH))
        .execute();
  });
  // Fresh statistics, as autovacuum would have gathered on a table that grew to this size.
  await sql`ANALYZE`.execute(db);
}

/** Rows per table in the public schema, largest first. */
export async function tableSizes(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'bench\\_%'
    ORDER BY table_name`.execute(db);
  const out: [string, number][] = [];
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)}`.execute(db);
    out.push([name, r.rows[0]!.n]);
  }
  return Object.fromEntries(out.sort((a, b) => b[1] - a[1]));
}
