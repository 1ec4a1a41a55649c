/**
 * The case shapes the generator copies: one real case per workflow path, created and moved along through
 * the HTTP API by the demo cadres of 银杏社区 / 青松街道 (and 区城管执法局), with the server's clock set so
 * each step happens a realistic while after the previous one. Their rows are then what the server wrote.
 */
import { api } from '@linli/contracts';
import { sql } from 'kysely';
import { DEMO_PASSWORD, type Linli, type OffsetClock, session } from './linli.ts';

type Db = Linli['database']['db'];

/** Who acts in a template (the generator substitutes the matching person of each generated case). */
export type Who = 'resident' | 'secretary' | 'dispatcher' | 'dept';
/** The tier a case starts at, which decides the categories it may have (小事不出院落 …). */
export type Group = 'courtyard' | 'community' | 'street';

interface Step {
  /** Minutes after the previous step. */
  wait: number;
  who: Who;
  type: string;
  body?: (now: Date, dept: string) => Record<string, unknown>;
}

export interface TemplateDef {
  name: string;
  /** Per mille of the generated cases. */
  weight: number;
  group: Group;
  /** Open (or waiting) cases: the last step lies within this many days before now. Closed ones: 3 years. */
  recentDays?: number;
  steps: Step[];
}

export interface Template extends TemplateDef {
  caseId: string;
  status: string;
  events: number;
}

const H = 60;
const D = 24 * H;
const PHONE_CONTACT = { name: '刘大爷', phone: '13912345678' };
const inHours = (now: Date, h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();

const report = (source?: 'phone'): Step => ({
  wait: 0,
  who: source ? 'secretary' : 'resident',
  type: 'report',
  body: () => (source ? { source, contact: PHONE_CONTACT } : {}),
});
const s = (wait: number, who: Who, type: string, body?: Step['body']): Step => ({ wait, who, type, body });
const accept = (wait = 40) => s(wait, 'secretary', 'accept');
const resolve = (wait = D) => s(wait, 'secretary', 'resolve', () => ({ note: '已现场处理，居民确认问题解决。' }));
const rate = (wait: number, score: number) =>
  s(wait, 'resident', 'rate', () => ({ score, comment: score >= 4 ? '处理及时，谢谢社区！' : '' }));
const escalate = (wait = D) => s(wait, 'secretary', 'escalate', () => ({ note: '社区无法独立解决，需街道协调。' }));
const register = (wait = H) => s(wait, 'dispatcher', 'register');
const dispatch = (wait = 10) =>
  s(wait, 'dispatcher', 'dispatch', (now, dept) => ({
    assignments: [{ departmentId: dept, deadline: inHours(now, 72) }],
  }));
const take = (wait = 2 * H) => s(wait, 'dept', 'acceptAssignment', (_n, dept) => ({ departmentId: dept }));
const handle = (wait = D) =>
  s(wait, 'dept', 'handle', (_n, dept) => ({ departmentId: dept, note: '已派员清理完毕，附处置后照片。' }));
const check = (wait = 40) => s(wait, 'dispatcher', 'check', () => ({ passed: true, note: '核查通过' }));
const urge = (wait = D) =>
  s(wait, 'dispatcher', 'urge', (_n, dept) => ({ level: 'yellow', departmentId: dept, note: '请加快处置进度' }));
const toDept = [report(), register(), dispatch()];

export const TEMPLATES: TemplateDef[] = [
  { name: 'submitted', weight: 10, group: 'courtyard', recentDays: 1, steps: [report()] },
  { name: 'accepted', weight: 14, group: 'courtyard', recentDays: 7, steps: [report(), accept()] },
  {
    name: 'accepted (courtyard → community)',
    weight: 4,
    group: 'courtyard',
    recentDays: 7,
    steps: [report(), accept(30), escalate()],
  },
  { name: 'escalated (street category)', weight: 4, group: 'street', recentDays: 3, steps: [report()] },
  {
    name: 'escalated (community → street)',
    weight: 2,
    group: 'community',
    recentDays: 3,
    steps: [report(), accept(H), escalate()],
  },
  { name: 'registered', weight: 4, group: 'street', recentDays: 4, steps: [report(), register()] },
  { name: 'dispatched', weight: 6, group: 'street', recentDays: 7, steps: toDept },
  {
    name: 'dispatched, taken, urged',
    weight: 5,
    group: 'street',
    recentDays: 10,
    steps: [...toDept, take(3 * H), urge()],
  },
  { name: 'checking', weight: 5, group: 'street', recentDays: 5, steps: [...toDept, take(), handle()] },
  {
    name: 'resolved (rating pending)',
    weight: 30,
    group: 'courtyard',
    recentDays: 7,
    steps: [report(), accept(30), resolve()],
  },
  {
    name: 'parked',
    weight: 10,
    group: 'community',
    recentDays: 50,
    steps: [
      report(),
      accept(H),
      s(2 * D, 'secretary', 'park', (now) => ({ reviewAt: inHours(now, 60 * 24), note: '需业主大会表决，暂时挂账。' })),
    ],
  },
  { name: 'cancelled', weight: 20, group: 'courtyard', steps: [report(), s(20, 'resident', 'cancel')] },
  {
    name: 'closed (courtyard)',
    weight: 341,
    group: 'courtyard',
    steps: [report(), accept(), resolve(), rate(5 * H, 5)],
  },
  {
    name: 'closed (community)',
    weight: 150,
    group: 'community',
    steps: [report(), accept(2 * H), resolve(2 * D), rate(D, 4)],
  },
  {
    name: 'closed without rating',
    weight: 80,
    group: 'courtyard',
    steps: [report(), accept(30), resolve(), s(7 * D + H, 'secretary', 'close')],
  },
  {
    name: 'closed (department)',
    weight: 150,
    group: 'street',
    steps: [...toDept, take(), handle(), check(), rate(6 * H, 5)],
  },
  {
    name: 'closed (community → street → department, urged)',
    weight: 45,
    group: 'community',
    steps: [
      report(),
      accept(H),
      escalate(),
      register(2 * H),
      dispatch(),
      urge(),
      take(3 * H),
      handle(2 * D),
      check(H),
      rate(D, 3),
    ],
  },
  {
    name: 'closed after reopening',
    weight: 40,
    group: 'courtyard',
    steps: [
      report(),
      accept(),
      resolve(),
      rate(5 * H, 2),
      s(D, 'resident', 'reopen', () => ({ note: '问题又出现了' })),
      resolve(),
      rate(5 * H, 4),
    ],
  },
  {
    name: 'closed (returned, redispatched)',
    weight: 30,
    group: 'street',
    steps: [
      ...toDept,
      s(3 * H, 'dept', 'returnAssignment', (_n, dept) => ({ departmentId: dept, note: '不属于本部门职责' })),
      dispatch(H),
      take(),
      handle(),
      check(),
      rate(6 * H, 4),
    ],
  },
  {
    name: 'closed (phone call entered by the secretary)',
    weight: 50,
    group: 'community',
    steps: [report('phone'), accept(H), resolve(), s(30, 'secretary', 'close')],
  },
];

/** The demo people who act in the templates, and where. */
export interface Cast {
  phones: Record<Who, string>;
  userIds: Record<Who, string>;
  /** 区城管执法局, serving 青松街道. */
  departmentId: string;
  placeId: string;
  categories: Record<Group, string>;
}

export async function demoCast(db: Db): Promise<Cast> {
  const phones: Record<Who, string> = {
    resident: '13800000005',
    secretary: '13800000003',
    dispatcher: '13800000002',
    dept: '13800000007',
  };
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'phone'])
    .where('phone', 'in', Object.values(phones))
    .execute();
  const idOf = (p: string) => users.find((u) => u.phone === p)!.id;
  const place = await sql<{ id: string }>`
    SELECT b.id FROM org_node b JOIN org_node c ON c.id = b.community_id
    WHERE b.type = 'building' AND c.name = '银杏社区' ORDER BY b.path LIMIT 1`.execute(db);
  return {
    phones,
    userIds: {
      resident: idOf(phones.resident),
      secretary: idOf(phones.secretary),
      dispatcher: idOf(phones.dispatcher),
      dept: idOf(phones.dept),
    },
    departmentId: '1',
    placeId: place.rows[0]!.id,
    // 环境卫生 (courtyard), 停车管理 (community), 暴露垃圾 (department → starts at the street).
    categories: { courtyard: '102', community: '103', street: '2101' },
  };
}

/**
 * Runs every template's steps through the API. All templates end a few minutes before now and their steps
 * run in time order, so the clock only moves forward while the outbox loop runs: the SLA checks of a stage
 * are only due after its next step (or after now for the open ones), and do not change the shapes copied.
 */
export async function createTemplates(url: string, clock: OffsetClock, cast: Cast): Promise<Template[]> {
  const end = Date.now() - 5 * 60_000;
  const steps = TEMPLATES.flatMap((def, i) => {
    const total = def.steps.reduce((sum, st) => sum + st.wait, 0);
    let t = end - total * 60_000;
    return def.steps.map((step) => {
      t += step.wait * 60_000;
      return { i, def, step, at: t };
    });
  });
  steps.sort((a, b) => a.at - b.at || a.i - b.i);
  const cases = TEMPLATES.map(() => ({ id: '', version: 0, status: '', events: 0 }));
  for (const { i, def, step, at } of steps) {
    clock.set(new Date(at));
    const now = new Date(at);
    // A fresh session each step: the clock moves further than a staff session's idle timeout.
    const who = await session(url, cast.phones[step.who], DEMO_PASSWORD);
    const extra = step.body?.(now, cast.departmentId) ?? {};
    const c = cases[i]!;
    const isReport = step.type === 'report';
    const body = isReport
      ? {
          categoryId: cast.categories[def.group],
          description: '楼下垃圾桶满了好几天没人清运，气味很大。',
          placeId: cast.placeId,
          ...extra,
        }
      : { version: c.version, type: step.type, ...extra };
    const res = await fetch(isReport ? `${url}${api.cases.reportCase.url}` : `${url}/api/cases/${c.id}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`template "${def.name}", ${step.type}: ${res.status} ${text.slice(0, 400)}`);
    const detail = JSON.parse(text) as { id: string; version: number; status: string; timeline: unknown[] };
    Object.assign(c, { id: detail.id, version: detail.version, status: detail.status, events: detail.timeline.length });
  }
  clock.reset();
  return TEMPLATES.map((def, i) => ({
    ...def,
    caseId: cases[i]!.id,
    status: cases[i]!.status,
    events: cases[i]!.events,
  }));
}
