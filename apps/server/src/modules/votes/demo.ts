/**
 * Demo vote: 银杏社区 asks every household (one vote each, open ballot) where the new rubbish sorting point
 * should go; it is open when the demo starts, so 周敏 (a household head there) can vote at once.
 */
import { randomUUID } from 'node:crypto';
import { votes } from '@linli/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { electorateOf } from '../registry/electorate.ts';
import * as repo from './repository.ts';

export async function seedDemoVotes(tx: Db, at: Date): Promise<void> {
  const c = (
    await sql<{
      id: string;
      path: string;
    }>`SELECT id::text, path FROM org_node WHERE type = 'community' AND name = '银杏社区'`.execute(tx)
  ).rows[0];
  const secretary = (await sql<{ id: string }>`SELECT id::text FROM app_user WHERE phone = '13800000003'`.execute(tx))
    .rows[0];
  if (!c || !secretary) return;
  const id = randomUUID();
  const p = votes.PRESETS.simple_majority;
  await repo.insertVote(tx, {
    community_id: c.id,
    id,
    proposal_id: null,
    title: '垃圾分类投放点调整',
    question:
      '小区现有垃圾分类投放点紧邻2号楼住户窗口,夏季异味较重。拟在以下位置中选择一处作为新的投放点,请每户投一票。',
    kind: 'single',
    options: JSON.stringify(['东门停车场北侧', '3号楼与4号楼之间绿地旁', '维持现状']),
    max_choices: 1,
    electorate: 'households',
    scope_node_ids: [c.id],
    scope_paths: [c.path],
    secret: false,
    changeable: true,
    proxy_allowed: true,
    preset: 'simple_majority',
    thresholds: JSON.stringify({ participation: p.participation, approval: p.approval, measures: [...p.measures] }),
    deadline: new Date(at.getTime() + 10 * 86_400_000),
    result: null,
    closed_reason: null,
    opened_at: null,
    closed_at: null,
    created_by: secretary.id,
    created_at: new Date(at.getTime() - 86_400_000),
  });
  const e = await electorateOf(tx, c.id, 'households', [c.path]);
  const key = { community_id: c.id, vote_id: id };
  await repo.markOpen(tx, { community_id: c.id, id }, 1, {
    at: new Date(at.getTime() - 86_400_000),
    electors: e.electors.length,
    totalArea: 0n,
    roomsWithoutArea: 0,
  });
  await repo.insertElectorate(
    tx,
    e.electors.map((el, i) => ({
      ...key,
      elector_no: i + 1,
      building_id: el.buildingId,
      building_name: el.buildingName,
      label: el.label,
      area: '0',
    })),
    e.electors.flatMap((el, i) =>
      el.voters.map((w) => ({ ...key, user_id: w.userId, elector_no: i + 1, proxy: w.proxy })),
    ),
  );
}
