/**
 * Demo registry: housing facts for every room, varied residence statuses, tags with evidence, and one
 * street policy (高龄老人 visits) with some outcomes, so the demo opens on a populated registry.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { rng } from '../demo/names.ts';
import * as records from '../residents/records.ts';
import * as repo from './outreach-repository.ts';
import { seedDemoPlaces } from './places-demo.ts';

interface Person {
  community_id: string;
  id: string;
  name: string;
  birth_date: string;
  relation: string;
  household_id: string;
  size: number;
}

export async function seedDemoRegistry(tx: Db, at: Date): Promise<void> {
  const r = rng(6);
  const today = records.chinaToday(at);
  const rooms = await sql<{ id: string; community_id: string; occupied: boolean }>`
    SELECT n.id::text AS id, n.community_id::text AS community_id,
      EXISTS (SELECT 1 FROM household h WHERE h.address_node_id = n.id) AS occupied
    FROM org_node n WHERE n.type = 'room' ORDER BY n.path`.execute(tx);
  for (const room of rooms.rows) {
    const x = r();
    await records.saveHousing(
      tx,
      {
        community_id: room.community_id,
        node_id: room.id,
        floor_area: Math.round((45 + r() * 95) * 10) / 10,
        use: x < 0.03 ? 'commercial' : 'residential',
        ownership: !room.occupied ? 'vacant' : x < 0.25 ? 'rented' : 'owner_occupied',
      },
      0,
      null,
      at,
    );
  }
  const people = (
    await sql<Person>`
    SELECT p.community_id::text AS community_id, p.id, p.name, p.birth_date, p.relation, p.household_id,
      (SELECT count(*)::int FROM person s WHERE s.community_id = p.community_id AND s.household_id = p.household_id) AS size
    FROM person p JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    ORDER BY h.address_text, p.community_id, p.relation, p.name`.execute(tx)
  ).rows;
  const tag = (p: Person, code: string, evidence: string, level: string | null = null, from = '2024-01-01') =>
    records.upsertPersonTag(tx, {
      community_id: p.community_id,
      person_id: p.id,
      tag_code: code,
      level,
      valid_from: from,
      valid_to: null,
      evidence,
      set_by: null,
      set_by_name: '演示数据',
      set_at: at,
    });
  let seq = 1;
  for (const p of people) {
    await records.setInitials(tx, p.community_id, p.id, records.initialsOf(p.name));
    const age = records.ageOn(p.birth_date, today);
    const x = r();
    const status = x < 0.08 ? 'floating' : x < 0.13 ? 'away' : x < 0.5 ? 'registered' : 'permanent';
    // Fictional numbers (137 0000 ….) for adults the demo registered without one.
    const phone = age >= 16 ? `1370000${String(seq++).padStart(4, '0')}` : null;
    await sql`UPDATE person SET residence_status = ${status}, phone = coalesce(phone, ${phone})
      WHERE community_id = ${p.community_id} AND id = ${p.id}`.execute(tx);
    if (age >= 18 && r() < 0.1) await tag(p, 'party_member', '组织关系已转入社区党委', null, '2023-07-01');
    if (p.relation === 'head' && r() < 0.06) await tag(p, 'low_income', '区民政局低保审批(2025)', null, '2025-01-01');
    if (r() < 0.03) await tag(p, 'disabled', '持第二代残疾人证', String(1 + Math.floor(r() * 4)));
    if (age >= 22 && age < 70 && r() < 0.04) await tag(p, 'veteran', '退役军人服务站登记');
    if (age >= 18 && age < 75 && r() < 0.08) await tag(p, 'volunteer', '社区志愿服务队队员');
    if (age >= 30 && r() < 0.03) await tag(p, 'resident_rep', '2025 年居民代表推选');
    if (age >= 60 && p.size === 1) await tag(p, 'elderly_alone', '网格员入户核实独居');
    if (age >= 75 && r() < 0.3) await tag(p, 'key_care', '子女不在身边,需定期探访');
  }
  await demoPolicy(tx, at, today);
  await seedDemoPlaces(tx, at);
}

/** 青松街道's visits to people aged 80 and over, a few already reached. */
async function demoPolicy(tx: Db, at: Date, today: string) {
  const street = await tx
    .selectFrom('org_node')
    .select(['id', 'path'])
    .where('name', '=', '青松街道')
    .executeTakeFirst();
  const author = await tx.selectFrom('app_user').select('id').where('phone', '=', '13800000011').executeTakeFirst();
  if (!street || !author) return;
  const rule = { all: [{ age: { min: 80 } }] };
  const where = records.sqlAnd([records.placeIn([street.path]), records.ruleWhere(rule, today, new Map())]);
  const found = await records.matches(tx, where);
  const id = randomUUID();
  const created = new Date(at.getTime() - 3 * 86_400_000);
  await repo.insertPolicy(tx, {
    id,
    node_id: street.id,
    node_path: street.path,
    name: '高龄老人冬季走访',
    description: '入冬前走访 80 岁以上老人,告知高龄津贴和助餐服务。',
    rule: JSON.stringify(rule),
    task_count: found.length,
    created_by: author.id,
    created_at: created,
  });
  await repo.insertTasks(tx, id, found, created);
  const outcomes = ['informed', 'applied', 'unreachable'];
  for (const [i, m] of found.slice(0, Math.floor(found.length / 3)).entries())
    await repo.saveOutcome(tx, { community_id: m.community_id, policy_id: id, person_id: m.id }, 1, {
      status: outcomes[i % 3]!,
      note: i % 3 === 2 ? '两次上门无人' : null,
      outcome_by: author.id,
      outcome_at: new Date(created.getTime() + (i + 1) * 3_600_000),
    });
}
