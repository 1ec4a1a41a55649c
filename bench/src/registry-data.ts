/**
 * The registry benchmark's world: the district grown by the cases benchmark's generator (streets,
 * communities, grids, buildings, cadres), then units and rooms under every new building; and a residents CSV
 * of households in those rooms — realistic names, valid GB 11643 ID numbers, phones, relations — written as
 * a stream so a million rows never sit in memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { makeIdNumber } from '@linli/contracts';
import { sql } from 'kysely';
import { growDistrict } from './cases-org.ts';
import { type Linli, personName, rng } from './linli.ts';

type Db = Linli['database']['db'];

export interface RegistryWorld {
  districtId: string;
  /** New communities with the names used in the file, and their building names. */
  communities: { id: string; name: string; buildings: string[] }[];
  unitsPerBuilding: number;
  floors: number;
  roomsPerFloor: number;
}

const TAG = 'sort_key >= 100000';

/** Grows the district so that `people` residents fit (2.7 to a room on average, with some rooms to spare). */
export async function growRegistryWorld(db: Db, people: number, communities: number): Promise<RegistryWorld> {
  const world = await growDistrict(db, {
    streets: Math.max(3, Math.ceil(communities / 10)),
    communities,
    gridsPerCommunity: 4,
    buildingsPerGrid: 6,
    residentsPerCommunity: 2,
    secretaryCommunities: 3,
  });
  // Names repeat across the generated communities; a file naming its community needs them unique.
  await sql
    .raw(`UPDATE org_node SET name = regexp_replace(name, '(社区|村)$', '') || (sort_key - 200000) || '号' ||
      substring(name from '(社区|村)$') WHERE type = 'community' AND ${TAG}`)
    .execute(db);
  const buildings = Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM org_node WHERE type = 'building' AND sort_key >= 100000`.execute(db)
    ).rows[0]!.n,
  );
  const unitsPerBuilding = 2;
  const roomsPerFloor = 2;
  const floors = Math.max(1, Math.ceil(people / 2.5 / buildings / unitsPerBuilding / roomsPerFloor));
  const insert = (type: string, parents: string, count: number, name: string, sortFrom: number) =>
    sql
      .raw(`INSERT INTO org_node (id, parent_id, type, kind, name, code, path, depth, community_id, sort_key, created_at, updated_at)
      SELECT n.id, n.parent_id, '${type}', NULL, n.name, NULL, n.parent_path || n.id || '/', n.depth, n.community_id,
        n.sort_key, now(), now()
      FROM (SELECT nextval('org_node_id_seq') AS id, p.id AS parent_id, p.path AS parent_path, p.depth + 1 AS depth,
          p.community_id, ${name} AS name, ${sortFrom} + i AS sort_key
        FROM (${parents}) p CROSS JOIN generate_series(1, ${count}) i ORDER BY p.id, i) n`)
      .execute(db);
  await insert(
    'unit',
    `SELECT id, path, depth, community_id FROM org_node WHERE type = 'building' AND ${TAG}`,
    unitsPerBuilding,
    `i || '单元'`,
    5_000_000,
  );
  await insert(
    'room',
    `SELECT id, path, depth, community_id FROM org_node WHERE type = 'unit' AND sort_key >= 5000000`,
    floors * roomsPerFloor,
    `(((i - 1) / ${roomsPerFloor}) + 1) || lpad((((i - 1) % ${roomsPerFloor}) + 1)::text, 2, '0') || '室'`,
    6_000_000,
  );
  await sql`ANALYZE org_node`.execute(db);
  const rows = (
    await sql<{ id: string; name: string; building: string }>`
    SELECT c.id, c.name, b.name AS building FROM org_node c JOIN org_node b ON b.community_id = c.id AND b.type = 'building'
    WHERE c.type = 'community' AND c.sort_key >= 100000 ORDER BY c.id, b.sort_key, b.id`.execute(db)
  ).rows;
  const byId = new Map<string, RegistryWorld['communities'][number]>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, name: r.name, buildings: [] };
    c.buildings.push(r.building);
    byId.set(r.id, c);
  }
  return { districtId: world.districtId, communities: [...byId.values()], unitsPerBuilding, floors, roomsPerFloor };
}

export const HEADER = ['社区', '姓名', '身份证号', '房号', '手机', '与户主关系'];

/** Writes `people` residents, household by household, room by room; answers the file's size in bytes. */
export async function writeResidentsCsv(file: string, world: RegistryWorld, people: number) {
  const r = rng(20261124);
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${HEADER.join(',')}\n`);
  const used = new Map<string, number>();
  const idOf = (from: number, to: number) => {
    for (;;) {
      const day = new Date(Date.UTC(from, 0, 1) + Math.floor(r() * (to - from) * 365.25) * 86_400_000);
      const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
      const seq = used.get(birth) ?? 0;
      if (seq >= 999) continue;
      used.set(birth, seq + 1);
      return makeIdNumber('510107', birth, seq + 1);
    }
  };
  const phone = () => `1${[3, 5, 7, 8, 9][Math.floor(r() * 5)]}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
  let written = 0;
  const rooms: string[] = [];
  for (let f = 1; f <= world.floors; f++)
    for (let k = 1; k <= world.roomsPerFloor; k++) rooms.push(`${f}${String(k).padStart(2, '0')}室`);
  outer: for (const c of world.communities)
    for (const b of c.buildings)
      for (let u = 1; u <= world.unitsPerBuilding; u++)
        for (const room of rooms) {
          if (written >= people) break outer;
          const address = `${b}${u}单元${room}`;
          const size = 1 + Math.floor(r() * 4.4); // 1–5 people, 2.7 on average
          const head = personName(r);
          const members: [string, string, string][] = [[head, idOf(1940, 2000), '户主']];
          if (size > 1) members.push([personName(r), idOf(1940, 2000), '配偶']);
          for (let i = 2; i < size; i++) members.push([personName(r, head.slice(0, 1)), idOf(2000, 2024), '子女']);
          for (const [name, id, relation] of members) {
            if (written >= people) break;
            await write(`${c.name},${name},${id},${address},${r() < 0.9 ? phone() : ''},${relation}\n`);
            written++;
          }
        }
  out.end();
  await once(out, 'finish');
  return { bytes, rows: written };
}
