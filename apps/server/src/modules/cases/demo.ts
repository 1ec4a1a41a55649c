/**
 * Demo cases, so every inbox of the demo district has work in it: waiting to be signed for, handled at the
 * community, at the street, with a department, waiting for the check, and closed with a rating. Each goes
 * through the same intake and state machine as real ones, with times spread over the past days.
 */
import { cases } from '@linli/contracts';
import { loadGrants } from '../../platform/access/actor.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { Db } from '../../platform/db/engine.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import * as categories from '../categories/service.ts';
import { createCaseRecord, placeOf } from './intake.ts';
import { caseActorOf } from './policy.ts';
import * as repo from './repository.ts';
import { categoryInfo, saveState } from './store.ts';

interface Step {
  by: string;
  command: cases.CaseCommand;
  afterHours: number;
}

interface DemoCase {
  reporter: string;
  source: 'app' | 'patrol' | 'phone';
  category: string;
  place: string;
  description: string;
  public?: boolean;
  hoursAgo: number;
  steps: Step[];
}

const H = 3_600_000;

/** Places by name path under the demo tree ("银杏社区/第一网格/1号楼"). */
async function placeId(tx: Db, names: string): Promise<string> {
  let parent: string | null = null;
  for (const name of names.split('/')) {
    const q = tx.selectFrom('org_node').select('id').where('name', '=', name);
    const row: { id: string } = await (parent ? q.where('parent_id', '=', parent) : q).executeTakeFirstOrThrow();
    parent = row.id;
  }
  return parent!;
}

export async function seedDemoCases(tx: Db, keys: Keys, at: Date, departments: Record<string, string>): Promise<void> {
  const userId = async (phone: string) =>
    (await tx.selectFrom('app_user').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id;
  const deadline = (h: number) => new Date(at.getTime() + h * H).toISOString();
  const list: DemoCase[] = [
    {
      reporter: '13800000005',
      source: 'app',
      category: 'SQ06',
      place: '银杏社区/第一网格/1号楼',
      description: '1号楼2单元楼道顶上一直在滴水，墙皮都泡起来了，麻烦尽快看看。',
      public: true,
      hoursAgo: 3,
      steps: [],
    },
    {
      reporter: '13800000005',
      source: 'app',
      category: 'SQ05',
      place: '银杏社区/第一网格/2号楼',
      description: '晚上十点以后楼上还在装修敲墙，孩子没法睡觉。',
      hoursAgo: 30,
      steps: [{ by: '13800000003', command: { type: 'accept' }, afterHours: 1 }],
    },
    {
      reporter: '13800000006',
      source: 'app',
      category: 'SQ03',
      place: '海棠社区',
      description: '小区东门消防通道长期有车乱停，救护车进不来。',
      public: true,
      hoursAgo: 5,
      steps: [],
    },
    {
      reporter: '13800000004',
      source: 'patrol',
      category: 'SJ0101',
      place: '银杏社区/第一网格',
      description: '巡查发现银杏路与松林路路口有暴露垃圾堆放。',
      hoursAgo: 26,
      steps: [
        { by: '13800000002', command: { type: 'register' }, afterHours: 1 },
        {
          by: '13800000002',
          command: { type: 'dispatch', assignments: [{ departmentId: departments.cgj!, deadline: deadline(20) }] },
          afterHours: 1.2,
        },
      ],
    },
    {
      reporter: '13800000005',
      source: 'app',
      category: 'SQ07',
      place: '银杏社区/第二网格',
      description: '中心花园的健身器材扶手断了，老人用着很危险。',
      public: true,
      hoursAgo: 120,
      steps: [
        { by: '13800000003', command: { type: 'accept' }, afterHours: 2 },
        { by: '13800000003', command: { type: 'resolve', note: '已联系物业更换扶手并加固底座。' }, afterHours: 48 },
        { by: '13800000005', command: { type: 'rate', score: 5, comment: '修得很快，谢谢社区！' }, afterHours: 60 },
      ],
    },
    {
      reporter: '13800000003',
      source: 'phone',
      category: 'SJ0502',
      place: '银杏社区/第二网格',
      description: '居民来电反映某户疑似群租，进出人员多，存在消防隐患。',
      hoursAgo: 8,
      steps: [], // a street matter: it starts at the street's grid centre
    },
    {
      reporter: '13800000005',
      source: 'app',
      category: 'SJ0201',
      place: '银杏社区/第一网格/1号楼',
      description: '单元门口和电梯里贴满了小广告。',
      hoursAgo: 50,
      steps: [
        { by: '13800000002', command: { type: 'register' }, afterHours: 1 },
        {
          by: '13800000002',
          command: { type: 'dispatch', assignments: [{ departmentId: departments.cgj!, deadline: deadline(10) }] },
          afterHours: 1.5,
        },
        { by: '13800000007', command: { type: 'acceptAssignment', departmentId: departments.cgj! }, afterHours: 3 },
        {
          by: '13800000007',
          command: { type: 'handle', departmentId: departments.cgj!, note: '已清理单元门口及电梯内小广告。' },
          afterHours: 24,
        },
      ],
    },
  ];
  const byCode = new Map((await categories.allCategories(tx)).map((c) => [c.code, c.id]));
  for (const d of list) {
    const created = new Date(at.getTime() - d.hoursAgo * H);
    const env = { tx, now: created, emit: (e: Parameters<typeof emitEvent>[2]) => emitEvent(tx, created, e), keys };
    const reporter = await userId(d.reporter);
    const desk = d.source === 'phone';
    let saved = await createCaseRecord(env, {
      place: (await placeOf(tx, await placeId(tx, d.place)))!,
      category: (await categoryInfo(tx, byCode.get(d.category)!))!,
      source: d.source,
      description: d.description,
      reporterIds: desk ? [] : [reporter],
      createdBy: reporter,
      role: d.source === 'app' ? 'reporter' : d.source === 'patrol' ? 'grid_worker' : 'community_secretary',
      isPublic: d.public ?? false,
      contact: desk ? { name: '陈先生', phone: '13912345678' } : null,
    });
    for (const s of d.steps) {
      const now = new Date(created.getTime() + s.afterHours * H);
      const by = await userId(s.by);
      const actor = caseActorOf(by, await loadGrants(tx, by));
      const r = cases.apply(saved.state, s.command, actor, now, saved.state.version);
      if (!r.ok) throw new Error(`demo case ${d.category} ${s.command.type}: ${r.code}`);
      const stepEnv = { tx, now, emit: (e: Parameters<typeof emitEvent>[2]) => emitEvent(tx, now, e) };
      const row = (await repo.rowById(tx, saved.row.id))!;
      saved = await saveState(stepEnv, row, saved.state, r.state, {
        topic: `case.${s.command.type}`,
        payload: { type: s.command.type, actorId: by },
      });
    }
  }
}
