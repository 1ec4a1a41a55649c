/**
 * Demo deliberation hall of 银杏社区: proposals at different stages of the chain — one waiting for screening,
 * one rejected with its public reason, one in consultation with stances and an offline meeting, and one
 * decided at a residents' representatives meeting that became a project, was completed, evaluated and turned
 * into a covenant. Written through the module's repositories with times spread over the past weeks.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/engine.ts';
import { searchTokens } from '../../platform/text/tokens.ts';
import { residentLabel } from '../boards/labels.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import * as covenants from './covenant-repository.ts';
import * as projects from './project-repository.ts';
import * as repo from './repository.ts';

const D = 86_400_000;

async function community(tx: Db, name: string) {
  return tx
    .selectFrom('org_node')
    .select(['id', 'path', 'name'])
    .where('name', '=', name)
    .where('type', '=', 'community')
    .executeTakeFirstOrThrow();
}

async function person(tx: Db, communityId: string, phone: string) {
  const u = await tx.selectFrom('app_user').select(['id', 'name']).where('phone', '=', phone).executeTakeFirstOrThrow();
  const me = await residents.memberFacts(tx, communityId, u.id);
  if (!me) return { id: u.id, label: `${u.name}·银杏社区` };
  const home = me.address_node_id ? await org.getNode(tx, me.address_node_id) : null;
  const chain = home ? [...(await org.ancestorsOf(tx, home.path)), home] : [];
  return { id: u.id, label: residentLabel(me.name, me.sex, chain.find((n) => n.type === 'building')?.name ?? null) };
}

const building = async (tx: Db, c: { id: string }, name: string) =>
  tx
    .selectFrom('org_node')
    .select(['id', 'name'])
    .where('parent_id', 'in', (eb) => eb.selectFrom('org_node').select('id').where('parent_id', '=', c.id))
    .where('name', '=', name)
    .where('type', '=', 'building')
    .executeTakeFirst();

export async function seedDemoDeliberation(tx: Db, at: Date): Promise<void> {
  const c = await community(tx, '银杏社区');
  const resident = await person(tx, c.id, '13800000005');
  const secretary = await person(tx, c.id, '13800000003');
  const committee = await person(tx, c.id, '13800000008');
  const grid = await person(tx, c.id, '13800000004');
  const b3 = await building(tx, c, '3号楼');
  const ago = (days: number) => new Date(at.getTime() - days * D);
  const base = {
    community_id: c.id,
    options: [] as string[],
    attachments: [] as string[],
    screen_reason: null,
    screened_at: null,
    screened_by: null,
    merged_into: null,
    summary: null,
    summarised_at: null,
    vote_id: null,
    voting_at: null,
    decided_at: null,
  };

  // Waiting for screening.
  await repo.insertProposal(tx, {
    ...base,
    id: randomUUID(),
    title: '3号楼楼道堆物集中清理',
    background: '3号楼各单元楼道堆放纸箱、旧家具，影响通行，也有消防隐患。',
    question: '是否由居委会牵头、物业配合，在本月组织一次楼道堆物集中清理？',
    scope_kind: b3 ? 'building' : 'community',
    scope_node_ids: b3 ? [b3.id] : [],
    scope_labels: b3 ? [b3.name] : [c.name],
    proposer_id: resident.id,
    proposer_label: resident.label,
    by_committee: false,
    stage: 'submitted',
    created_at: ago(2),
    updated_at: ago(2),
  });

  // Rejected in public.
  await repo.insertProposal(tx, {
    ...base,
    id: randomUUID(),
    title: '要求物业公司退还上半年物业费',
    background: '上半年电梯多次停运，物业服务不到位。',
    question: '是否由社区出面要求物业退还上半年物业费？',
    scope_kind: 'community',
    scope_node_ids: [],
    scope_labels: [c.name],
    proposer_id: resident.id,
    proposer_label: resident.label,
    by_committee: false,
    stage: 'rejected',
    screen_reason: '物业费属于业主与物业公司的合同事项，请通过业主委员会协商或提交诉求，居委会将协助沟通。',
    screened_at: ago(9),
    screened_by: secretary.label,
    created_at: ago(10),
    updated_at: ago(9),
  });

  // In consultation.
  const gate = randomUUID();
  await repo.insertProposal(tx, {
    ...base,
    id: gate,
    title: '小区东门早高峰人车分流',
    background: '东门是小区唯一的车行出入口，早上7:30—8:30上学上班的车辆与步行的老人孩子混行，多次发生剐蹭。',
    question: '东门是否改为人车分流：北侧通道只走行人和非机动车，南侧通道只走机动车？',
    options: ['同意人车分流', '维持现状', '先试行一个月再定'],
    scope_kind: 'community',
    scope_node_ids: [],
    scope_labels: [c.name],
    proposer_id: committee.id,
    proposer_label: committee.label,
    by_committee: true,
    stage: 'consulting',
    screen_reason: null,
    screened_at: ago(5),
    screened_by: secretary.label,
    comment_count: 3,
    created_at: ago(6),
    updated_at: ago(5),
  });
  const first = randomUUID();
  const comments = [
    {
      id: first,
      who: resident,
      stance: 'for',
      body: '支持！孩子上学经过东门，车从身边擦过去太吓人了。',
      days: 4.5,
      parent: null,
    },
    {
      id: randomUUID(),
      who: grid,
      stance: 'against',
      body: '南侧通道比较窄，会车困难，早高峰可能堵到马路上。',
      days: 4,
      parent: first,
    },
    {
      id: randomUUID(),
      who: committee,
      stance: 'neutral',
      body: '居委会已请物业测量通道宽度，周六上午在东门现场听取大家意见。',
      days: 3.5,
      parent: null,
    },
  ];
  for (const x of comments)
    await repo.insertComment(tx, {
      community_id: c.id,
      proposal_id: gate,
      id: x.id,
      parent_id: x.parent,
      quote_id: null,
      quote_text: null,
      stance: x.stance,
      body: x.body,
      author_id: x.who.id,
      author_label: x.who.label,
      official: x.who === committee,
      status: 'visible',
      hidden_reason: null,
      created_at: ago(x.days),
    });
  await repo.insertMeeting(tx, {
    community_id: c.id,
    proposal_id: gate,
    id: randomUUID(),
    held_on: ago(2).toISOString().slice(0, 10),
    attendees: '居委会孙丽、王建国；居民代表11人；物业项目经理1人',
    minutes:
      '现场查看东门南北两条通道。多数代表支持人车分流，担心南侧会车的代表建议在门口增设等候区。物业表示可在两周内完成划线和护栏。',
    photos: [],
    author_label: committee.label,
    created_at: ago(2),
  });

  // Decided, delivered, evaluated, made a covenant.
  const sorting = randomUUID();
  await repo.insertProposal(tx, {
    ...base,
    id: sorting,
    title: '垃圾分类定时定点投放',
    background: '小区现有12个垃圾桶点位分散，混投严重，夏天异味大。',
    question: '是否撤桶并点，设置4个分类投放点，每日早晚两个时段定时投放？',
    options: ['同意', '不同意'],
    scope_kind: 'community',
    scope_node_ids: [],
    scope_labels: [c.name],
    proposer_id: secretary.id,
    proposer_label: secretary.label,
    by_committee: true,
    stage: 'adopted',
    screened_at: ago(58),
    screened_by: secretary.label,
    summary: '支持方：减少异味、便于分类督导；顾虑：老人投放距离变远。共识：点位靠近单元出入口，设督导志愿者。',
    summarised_at: ago(50),
    decided_at: ago(45),
    comment_count: 0,
    created_at: ago(60),
    updated_at: ago(45),
  });
  await repo.insertMeeting(tx, {
    community_id: c.id,
    proposal_id: sorting,
    id: randomUUID(),
    held_on: ago(46).toISOString().slice(0, 10),
    attendees: '居民代表会议：应到35人，实到31人',
    minutes: '居民代表会议举手表决：同意28人，不同意2人，弃权1人，议题通过。',
    photos: [],
    author_label: secretary.label,
    created_at: ago(45),
  });
  const project = randomUUID();
  await projects.insertProject(tx, {
    community_id: c.id,
    id: project,
    proposal_id: sorting,
    title: '垃圾分类投放点改造',
    owner: '王建国（居委会委员）',
    plan: '1. 撤除12个分散桶点\n2. 新建4个分类投放亭（带洗手池）\n3. 招募督导志愿者，早晚值守一个月',
    budget_fen: 4_800_000,
    status: 'completed',
    started_at: ago(40),
    completed_at: ago(12),
    created_at: ago(44),
    updated_at: ago(12),
  });
  await projects.insertMilestones(
    tx,
    [
      { title: '投放亭选址公示', days: 38 },
      { title: '投放亭建成', days: 20 },
      { title: '督导值守满一个月', days: 12 },
    ].map((m, i) => ({
      community_id: c.id,
      project_id: project,
      id: randomUUID(),
      position: i,
      title: m.title,
      due_on: null,
      done_at: ago(m.days),
    })),
  );
  for (const g of [
    { body: '4个投放亭选址已在公告栏和议事厅公示，无异议。', days: 37 },
    { body: '投放亭主体完工，洗手池通水，旧桶点已撤除。', days: 20 },
    { body: '督导志愿者值守一个月结束，混投率由约40%降至8%。', days: 12 },
  ])
    await projects.insertProgress(tx, {
      community_id: c.id,
      project_id: project,
      id: randomUUID(),
      body: g.body,
      photos: [],
      author_label: committee.label,
      created_at: ago(g.days),
    });
  await projects.setFollow(tx, c.id, project, resident.id, true, ago(44));
  await projects.insertEvaluation(tx, {
    community_id: c.id,
    project_id: project,
    user_id: resident.id,
    rating: 4,
    comment: '楼下干净多了，希望晚上投放时间能延长到八点半。',
    created_at: ago(10),
  });
  const covenant = randomUUID();
  const title = '银杏社区垃圾分类公约';
  const body =
    '一、每日7:00—9:00、18:00—20:00在投放亭定时投放。\n二、湿垃圾破袋投放，干垃圾、可回收物、有害垃圾分别投放。\n三、大件垃圾和装修垃圾请提前向物业预约清运。\n四、督导志愿者友好提醒，居民相互监督。';
  await covenants.insertCovenant(
    tx,
    {
      community_id: c.id,
      id: covenant,
      proposal_id: sorting,
      title,
      body,
      current_no: 1,
      published_at: ago(8),
      updated_at: ago(8),
    },
    searchTokens(`${title}\n${body}`),
  );
  await covenants.insertVersion(tx, {
    community_id: c.id,
    covenant_id: covenant,
    no: 1,
    title,
    body,
    author_label: secretary.label,
    published_at: ago(8),
  });
}
