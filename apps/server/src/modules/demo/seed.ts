import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@linli/contracts';
import { sql } from 'kysely';
import { ensureGrant } from '../../platform/access/grants.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { Db } from '../../platform/db/engine.ts';
import { seedDemoBoards } from '../boards/demo.ts';
import { seedDemoCases } from '../cases/demo.ts';
import { seedDemoDeliberation } from '../deliberation/demo.ts';
import { seedDemoGuides } from '../guides/demo.ts';
import { insertApplication } from '../join/repository.ts';
import { insertNode } from '../org/repository.ts';
import { seedDemoRegistry } from '../registry/demo.ts';
import { addMember, protectIdNumber } from '../residents/service.ts';
import { seedDemoVotes } from '../votes/demo.ts';
import { DEMO_ACCOUNTS, DEMO_APPLICANTS, DEMO_DEPARTMENTS, DEMO_PASSWORD } from './accounts.ts';
import { saveDemoOutlines } from './geometry.ts';
import { personName, rng, surnameOf } from './names.ts';
import { demoTree, HOMES } from './tree.ts';

export const isEmpty = async (db: Db) => !(await db.selectFrom('org_node').select('id').limit(1).executeTakeFirst());

const HOUSEHOLDS = 200;
const RELATIONS = ['spouse', 'child', 'parent', 'child'];

/** Loads the demo district in one transaction; deterministic (fixed seed) apart from random UUIDs. */
export async function seedDemo(db: Db, keys: Keys, at: Date): Promise<void> {
  const r = rng(20261124);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const ids = new Map<string, { id: string; path: string; community: string | null; type: string }>();
    const ordered = demoTree();
    const first = await sql<{
      id: string;
    }>`SELECT nextval('org_node_id_seq')::text AS id FROM generate_series(1, ${ordered.length})`.execute(tx);
    for (const [i, n] of ordered.entries()) {
      const id = first.rows[i]!.id;
      const parent = n.parentKey ? ids.get(n.parentKey)! : null;
      const path = `${parent?.path ?? '/'}${id}/`;
      const community = n.type === 'community' ? id : (parent?.community ?? null);
      ids.set(n.key, { id, path, community, type: n.type });
      await insertNode(
        tx,
        {
          id,
          parent_id: parent?.id ?? null,
          type: n.type,
          kind: n.kind,
          name: n.name,
          code: n.code,
          path,
          depth: path.split('/').length - 2,
          community_id: community,
          sort_key: i,
        },
        at,
      );
    }
    const node = (key: string) => ids.get(key)!;
    await saveDemoOutlines(tx, ordered, (key) => node(key).id);

    for (const d of DEMO_DEPARTMENTS) {
      await tx
        .insertInto('department')
        .values({ id: d.id, district_id: node('district').id, name: d.name, code: d.code })
        .execute();
      for (const s of d.streets)
        await tx
          .insertInto('department_street')
          .values({ department_id: d.id, street_id: node(s).id })
          .execute();
    }
    const deptId = (code: string) => DEMO_DEPARTMENTS.find((d) => d.code === code)!.id;

    // ~200 households spread over the rooms; each gets 1–4 people with valid (fictional) ID numbers.
    const rooms = ordered.filter((n) => n.type === 'room').map((n) => n.key);
    const homes = new Set(Object.values(HOMES));
    const chosen = shuffle(
      r,
      rooms.filter((k) => !homes.has(k)),
    ).slice(0, HOUSEHOLDS - homes.size);
    let seq = 1;
    const idOf = (birth: string) => makeIdNumber('310199', birth, seq++ % 1000);
    const birth = (from: number, to: number) =>
      `${from + Math.floor(r() * (to - from))}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const addHousehold = async (
      roomKey: string,
      head: { name: string; idNumber: string; userId: string | null; phone: string | null },
    ) => {
      const room = node(roomKey);
      const address = addressText(ordered, roomKey);
      const base = { communityId: room.community!, addressNodeId: room.id, addressText: address };
      await addMember(
        tx,
        {
          ...base,
          name: head.name,
          relation: 'head',
          phone: head.phone,
          userId: head.userId,
          id: protectIdNumber(keys, head.idNumber),
        },
        at,
      );
      const size = Math.floor(r() * 4);
      for (let m = 0; m < size; m++) {
        const rel = RELATIONS[m]!;
        const b = rel === 'child' ? birth(1995, 2020) : rel === 'parent' ? birth(1935, 1960) : birth(1960, 1995);
        const name = rel === 'child' ? personName(r, surnameOf(head.name)) : personName(r);
        await addMember(
          tx,
          { ...base, name, relation: rel, phone: null, userId: null, id: protectIdNumber(keys, idOf(b)) },
          at,
        );
      }
    };

    const addUser = async (a: { phone: string; name: string }) => {
      const id = randomUUID();
      await tx
        .insertInto('app_user')
        .values({
          id,
          phone: a.phone,
          name: a.name,
          password_hash: passwordHash,
          password_changed_at: at,
          created_at: at,
        })
        .execute();
      return id;
    };
    for (const a of DEMO_ACCOUNTS) {
      const id = await addUser(a);
      const home = HOMES[a.at];
      const at_ = home ? node(home) : node(a.at);
      await ensureGrant(tx, {
        userId: id,
        role: a.role,
        nodeId: at_.id,
        departmentId: a.department ? deptId(a.department) : null,
        grantedBy: null,
        at,
      });
      if (home)
        await addHousehold(home, { name: a.name, idNumber: idOf(birth(1965, 1990)), userId: id, phone: a.phone });
    }
    for (const k of chosen)
      await addHousehold(k, { name: personName(r), idNumber: idOf(birth(1945, 1995)), userId: null, phone: null });
    await seedDemoCases(tx, keys, at, { cgj: deptId('cgj') });
    await seedDemoBoards(tx, at);
    await seedDemoGuides(tx, at);
    await seedDemoRegistry(tx, at);
    await seedDemoDeliberation(tx, at);
    await seedDemoVotes(tx, at);

    for (const [i, a] of DEMO_APPLICANTS.entries()) {
      const id = await addUser(a);
      const room = node(a.room);
      const p = protectIdNumber(keys, makeIdNumber('310199', a.birth, a.seq));
      await insertApplication(tx, {
        community_id: room.community!,
        id: randomUUID(),
        user_id: id,
        name: a.name,
        phone: a.phone,
        id_cipher: p.cipher,
        id_blind: p.blind,
        id_masked: p.masked,
        sex: p.sex,
        birth_date: p.birthDate,
        address_node_id: room.id,
        address_text: addressText(ordered, a.room),
        status: 'pending',
        reason: null,
        decided_by: null,
        created_at: new Date(at.getTime() - (i + 1) * 3_600_000),
      });
    }
    await writeAudit(
      tx,
      { at, actorId: null, actorName: null, actorRole: null, ip: null, requestId: null },
      {
        action: 'demo.seed',
        resourceType: 'org_node',
        nodeId: node('district').id,
        nodePath: node('district').path,
        detail: { households: HOUSEHOLDS },
      },
    );
  });
}

/** Fisher–Yates with the seeded generator: the same households on every machine and Node version. */
function shuffle<T>(r: () => number, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** "1号楼 1单元 302室" from the demo tree keys. */
function addressText(tree: ReturnType<typeof demoTree>, roomKey: string): string {
  const byKey = new Map(tree.map((n) => [n.key, n]));
  const names: string[] = [];
  for (let k: string | null = roomKey; k; k = byKey.get(k)?.parentKey ?? null) {
    const n = byKey.get(k)!;
    if (n.type === 'building' || n.type === 'unit' || n.type === 'room') names.unshift(n.name);
  }
  return names.join(' ');
}

/** Demo accounts whose password is still the published one (checked once at start). */
export async function demoAccountsStillDefault(db: Db): Promise<Set<string>> {
  const phones = DEMO_ACCOUNTS.map((a) => a.phone);
  const rows = await db.selectFrom('app_user').select(['id', 'password_hash']).where('phone', 'in', phones).execute();
  const out = new Set<string>();
  const verdicts = new Map<string, boolean>();
  for (const row of rows) {
    if (!verdicts.has(row.password_hash))
      verdicts.set(row.password_hash, await verifyPassword(row.password_hash, DEMO_PASSWORD));
    if (verdicts.get(row.password_hash)) out.add(row.id);
  }
  return out;
}
