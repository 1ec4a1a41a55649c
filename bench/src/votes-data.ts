/**
 * A generated community for the votes benchmark: BENCH_VOTES_HOUSEHOLDS rooms (5,000 by default) in
 * buildings of 4 units × 25 rooms, each with floor area, one owner-occupied household whose head has a
 * resident account and a session — written directly in SQL (no password hashing for 5,000 accounts).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

export interface Household {
  roomId: string;
  userId: string;
  /** Hundredths of m². */
  area: bigint;
  cookie: string;
  csrf: string;
}

async function nextIds(db: Db, n: number): Promise<string[]> {
  const r = await sql<{
    id: string;
  }>`SELECT nextval('org_node_id_seq')::text AS id FROM generate_series(1, ${n})`.execute(db);
  return r.rows.map((x) => x.id);
}

async function insertMany(db: Db, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table as never)
      .values(rows.slice(i, i + 500) as never)
      .execute();
}

export async function generateCommunity(db: Db, households: number, at: Date) {
  const street = await sql<{ id: string; path: string; depth: number }>`
    SELECT id::text, path, depth FROM org_node WHERE type = 'street' ORDER BY id LIMIT 1`.execute(db);
  const s = street.rows[0]!;
  const [cid] = await nextIds(db, 1);
  const cpath = `${s.path}${cid}/`;
  const node = (id: string, parent: string, type: string, name: string, path: string, depth: number, i: number) => ({
    id,
    parent_id: parent,
    type,
    kind: type === 'community' ? 'residential' : null,
    name,
    code: null,
    path,
    depth,
    community_id: type === 'community' ? null : cid,
    sort_key: i,
    created_at: at,
    updated_at: at,
  });
  const nodes = [node(cid!, s.id, 'community', '投票压测社区', cpath, s.depth + 1, 0)];
  const rooms: { id: string; label: string }[] = [];
  const buildings = Math.ceil(households / 100);
  const ids = await nextIds(db, buildings * 5 + households);
  let k = 0;
  for (let b = 0; b < buildings; b++) {
    const bid = ids[k++]!;
    const bpath = `${cpath}${bid}/`;
    nodes.push(node(bid, cid!, 'building', `${b + 1}号楼`, bpath, s.depth + 2, b));
    for (let u = 0; u < 4; u++) {
      const uid = ids[k++]!;
      const upath = `${bpath}${uid}/`;
      nodes.push(node(uid, bid, 'unit', `${u + 1}单元`, upath, s.depth + 3, u));
      for (let r = 0; r < 25 && rooms.length < households; r++) {
        const rid = ids[k++]!;
        const name = `${Math.floor(r / 2) + 1}0${(r % 2) + 1}室`;
        nodes.push(node(rid, uid, 'room', name, `${upath}${rid}/`, s.depth + 4, r));
        rooms.push({ id: rid, label: `${b + 1}号楼 ${u + 1}单元 ${name}` });
      }
    }
  }
  await insertMany(db, 'org_node', nodes);
  const out: Household[] = [];
  const users = [];
  const grants = [];
  const hhs = [];
  const people = [];
  const units = [];
  const sessions = [];
  for (const [i, room] of rooms.entries()) {
    const userId = randomUUID();
    const hh = randomUUID();
    // 45.00–139.99 m², deterministic per room.
    const area = 4500n + BigInt((i * 7919) % 9500);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    users.push({
      id: userId,
      phone: `188${String(i).padStart(8, '0')}`,
      name: `业主${i + 1}`,
      password_hash: 'x',
      password_changed_at: at,
      created_at: at,
    });
    grants.push({ id: randomUUID(), user_id: userId, role: 'resident', node_id: room.id, created_at: at });
    hhs.push({ community_id: cid, id: hh, address_node_id: room.id, address_text: room.label, created_at: at });
    people.push({
      community_id: cid,
      id: randomUUID(),
      household_id: hh,
      user_id: userId,
      name: `业主${i + 1}`,
      relation: 'head',
      // Filled here, so the registry's initials backfill job does not work through 5,000 rows mid-run.
      name_initials: 'yz',
      id_cipher: 'x',
      id_blind: `bench-${i}`,
      id_masked: '110***********0000',
      sex: 'M',
      birth_date: '1970-01-01',
      created_at: at,
    });
    units.push({
      community_id: cid,
      node_id: room.id,
      floor_area: `${area / 100n}.${String(area % 100n).padStart(2, '0')}`,
      ownership: 'owner_occupied',
      updated_at: at,
    });
    sessions.push({
      token_hash: createHash('sha256').update(token).digest('base64url'),
      user_id: userId,
      csrf_token: csrf,
      idle_minutes: 7 * 24 * 60,
      created_at: at,
      last_seen_at: at,
    });
    out.push({ roomId: room.id, userId, area, cookie: `linli_sid=${token}`, csrf });
  }
  await insertMany(db, 'app_user', users);
  await insertMany(db, 'role_grant', grants);
  await insertMany(db, 'household', hhs);
  await insertMany(db, 'person', people);
  await insertMany(db, 'housing_unit', units);
  await insertMany(db, 'user_session', sessions);
  return { communityId: cid!, households: out, buildings };
}
