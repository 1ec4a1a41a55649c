/**
 * Demo board content, so the demo district's homes are alive: notices at every level (a must-read one, a pinned
 * one, affairs made public), neighbours' posts on all three boards with replies, and a district word list.
 * Written through the modules' repositories with times spread over the past days.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/engine.ts';
import { searchTokens } from '../../platform/text/tokens.ts';
import * as notices from '../notices/repository.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import { residentLabel } from './labels.ts';
import * as repo from './repository.ts';

const H = 3_600_000;

async function nodeByNames(tx: Db, names: string): Promise<{ id: string; path: string; name: string }> {
  let parent: string | null = null;
  let row: { id: string; path: string; name: string } | undefined;
  for (const name of names.split('/')) {
    const q = tx.selectFrom('org_node').select(['id', 'path', 'name']).where('name', '=', name);
    row = await (parent ? q.where('parent_id', '=', parent) : q).executeTakeFirstOrThrow();
    parent = row.id;
  }
  return row!;
}

const userOf = async (tx: Db, phone: string) =>
  tx.selectFrom('app_user').select(['id', 'name']).where('phone', '=', phone).executeTakeFirstOrThrow();

async function labelFor(tx: Db, communityId: string, user: { id: string; name: string }, node: string) {
  const me = await residents.memberFacts(tx, communityId, user.id);
  if (!me) return `${user.name}·${node}`;
  const home = me.address_node_id ? await org.getNode(tx, me.address_node_id) : null;
  const chain = home ? [...(await org.ancestorsOf(tx, home.path)), home] : [];
  return residentLabel(me.name, me.sex, chain.find((n) => n.type === 'building')?.name ?? null);
}

interface DemoNotice {
  at: string;
  by: string;
  category: string;
  title: string;
  body: string;
  hoursAgo: number;
  pinned?: boolean;
  mustRead?: boolean;
}

const NOTICES: DemoNotice[] = [
  {
    at: '临江区',
    by: '13800000001',
    category: 'policy',
    title: '关于做好冬季燃气安全的告知书',
    body: '入冬以来燃气使用增多。请各户检查灶具软管是否老化,使用燃气时保持通风,人走火关。\n如闻到燃气味,请立即关闭阀门、开窗通风,不要开关电器,到室外拨打燃气抢修电话。\n请每户阅读后点击「我已阅读」确认。',
    hoursAgo: 30,
    mustRead: true,
  },
  {
    at: '临江区',
    by: '13800000001',
    category: 'policy',
    title: '2027 年城乡居民医保开始缴费',
    body: '2027 年度城乡居民基本医疗保险集中缴费期为即日起至 12 月 31 日,可通过手机银行或到居委会办理。',
    hoursAgo: 50,
  },
  {
    at: '临江区/青松街道',
    by: '13800000011',
    category: 'notice',
    title: '青松街道部分区域计划停水通知',
    body: '因供水管网改造,11 月 28 日 9:00—17:00 青松街道部分小区停水,请提前储水。',
    hoursAgo: 20,
  },
  {
    at: '临江区/青松街道/银杏社区',
    by: '13800000003',
    category: 'activity',
    title: '重阳敬老:社区为 80 岁以上老人上门送温暖',
    body: '本周六上午,居委会和志愿者将为辖区高龄老人上门送去慰问品,并检查家中用电用气安全。欢迎居民报名当志愿者。',
    hoursAgo: 6,
    pinned: true,
  },
  {
    at: '临江区/青松街道/银杏社区',
    by: '13800000003',
    category: 'affairs_public',
    title: '银杏社区 2026 年第三季度居务公开',
    body: '一、收入:社区公益金 12,000 元。\n二、支出:楼道照明维修 3,200 元;老年活动室器材 4,800 元;垃圾分类宣传 1,100 元。\n三、议事会决定:2 号楼加装电梯方案进入征求意见阶段。\n如有疑问请到居委会查询凭证。',
    hoursAgo: 72,
  },
  {
    at: '临江区/青松街道/银杏社区/第一网格',
    by: '13800000004',
    category: 'notice',
    title: '第一网格:本周五楼道堆物集中清理',
    body: '本周五下午网格员和物业将集中清理 1、2 号楼楼道堆物,请居民提前把自家物品搬回家中。',
    hoursAgo: 4,
  },
];

interface DemoPost {
  by: string;
  board: 'local' | 'help' | 'giveaway' | 'party';
  kind: string;
  title: string;
  body: string;
  hoursAgo: number;
  stage?: string;
  taker?: string;
  reply?: string;
  comment?: [string, string];
}

const POSTS: DemoPost[] = [
  {
    by: '13800000005',
    board: 'local',
    kind: 'matter',
    title: '1 号楼门口路灯不亮了',
    body: '1 号楼门口的路灯坏了好几天,晚上老人出门看不清台阶,麻烦居委会看看。',
    hoursAgo: 10,
    reply: '收到,已通知物业今天下午更换灯泡,谢谢提醒!',
  },
  {
    by: '13800000005',
    board: 'local',
    kind: 'suggestion',
    title: '建议在小广场加几张长椅',
    body: '傍晚跳舞和带孩子的人很多,能不能在小广场边上加几张长椅?',
    hoursAgo: 28,
    comment: ['13800000004', '赞成,我在网格议事会上提一下。'],
  },
  {
    by: '13800000004',
    board: 'help',
    kind: 'offer',
    title: '周六上午可以帮老人搬重物',
    body: '周六上午有空,家里有米面、桶装水需要搬上楼的老人可以留言。',
    hoursAgo: 14,
  },
  {
    by: '13800000005',
    board: 'help',
    kind: 'request',
    title: '求助:谁会修自行车链条',
    body: '孩子的自行车掉链子了,自己装不上,有会修的邻居吗?',
    hoursAgo: 40,
    stage: 'taken',
    taker: '13800000004',
  },
  {
    by: '13800000005',
    board: 'giveaway',
    kind: 'give',
    title: '送:九成新婴儿推车',
    body: '孩子大了用不上了,推车九成新,可折叠,免费送给有需要的邻居,自提。',
    hoursAgo: 8,
  },
  // 党建园地: the community party organisation (the secretary) publishes news and study materials.
  {
    by: '13800000003',
    board: 'party',
    kind: 'news',
    title: '银杏社区党委开展"在职党员进社区"志愿服务',
    body: '本月已有 12 名在职党员到社区报到,参与楼道清洁、助老送餐和周末作业辅导。欢迎更多党员报到参与。',
    hoursAgo: 30,
  },
  {
    by: '13800000003',
    board: 'party',
    kind: 'study',
    title: '学习资料:基层党组织如何组织居民议事',
    body: '一、议题从居民中来;二、党组织把关;三、充分协商;四、形成项目并公开进展。请各位党员结合本社区实际学习讨论。',
    hoursAgo: 52,
    comment: ['13800000004', '已学习,议事前先听听楼组长的意见。'],
  },
];

export async function seedDemoBoards(tx: Db, at: Date): Promise<void> {
  const district = await nodeByNames(tx, '临江区');
  await repo.insertWords(tx, district.id, ['赌博', '六合彩', '代开发票', '高利贷'], at);

  for (const n of NOTICES) {
    const node = await nodeByNames(tx, n.at);
    const user = await userOf(tx, n.by);
    const when = new Date(at.getTime() - n.hoursAgo * H);
    const level = n.at.split('/').length;
    await notices.insert(
      tx,
      {
        id: randomUUID(),
        node_id: node.id,
        node_path: node.path,
        level: ['district', 'street', 'community', 'grid'][level - 1]!,
        category: n.category,
        title: n.title,
        body: n.body,
        attachments: [],
        pinned: n.pinned ?? false,
        must_read: n.mustRead ?? false,
        published_at: when,
        expires_at: null,
        withdrawn_at: null,
        created_by: user.id,
        author_name: user.name,
        updated_at: when,
      },
      searchTokens(`${n.title}\n${n.body}`),
    );
  }

  const community = await nodeByNames(tx, '临江区/青松街道/银杏社区');
  for (const p of POSTS) {
    const user = await userOf(tx, p.by);
    const when = new Date(at.getTime() - p.hoursAgo * H);
    const id = randomUUID();
    const taker = p.taker ? await userOf(tx, p.taker) : null;
    await repo.insertPost(tx, {
      community_id: community.id,
      id,
      board: p.board,
      kind: p.kind,
      title: p.title,
      body: p.body,
      attachments: [],
      author_id: user.id,
      author_label: await labelFor(tx, community.id, user, p.board === 'party' ? community.name : '第一网格'),
      status: 'visible',
      stage: p.reply ? 'replied' : (p.stage ?? 'open'),
      taker_id: taker?.id ?? null,
      taker_label: taker ? await labelFor(tx, community.id, taker, '第一网格') : null,
      thanks: null,
      case_id: null,
      case_no: null,
      held_words: [],
      moderation_reason: null,
      created_at: when,
      updated_at: when,
    });
    const comments: [string, string, boolean][] = [
      ...(p.reply ? [['13800000003', p.reply, true] as [string, string, boolean]] : []),
      ...(p.comment ? [[p.comment[0], p.comment[1], false] as [string, string, boolean]] : []),
    ];
    for (const [phone, body, official] of comments) {
      const u = await userOf(tx, phone);
      await repo.insertComment(tx, {
        community_id: community.id,
        post_id: id,
        id: randomUUID(),
        author_id: u.id,
        author_label: await labelFor(tx, community.id, u, official ? community.name : '第一网格'),
        official,
        body,
        status: 'visible',
        held_words: [],
        created_at: new Date(when.getTime() + H),
      });
      await repo.bump(tx, { community_id: community.id, id }, 'comment_count', 1);
    }
  }
}
