/** Demo service guides: the district's common items, and one overridden by 银杏社区 with its own office hours. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/engine.ts';
import * as repo from './repository.ts';
import { guideTokens, initialsOf } from './search.ts';

interface DemoGuide {
  category: string;
  title: string;
  audience: string;
  materials: string[];
  steps: string[];
  place: string;
  hours: string;
  fees: string;
  faqs?: { q: string; a: string }[];
}

const OFFICE = '各街道社区事务受理服务中心';
const HOURS = '工作日 9:00—17:00(周六上午 9:00—12:00 延时服务)';

const GUIDES: DemoGuide[] = [
  {
    category: 'identity',
    title: '怎么办居住证',
    audience: '在本区居住满半年、有合法稳定就业或住所的非本市户籍人员',
    materials: ['本人身份证', '近期一寸白底照片', '住所证明(租赁合同或房产证)', '就业或就学证明'],
    steps: ['先到居委会登记居住信息', '携带材料到受理中心提交申请', '审核通过后 15 个工作日内领证'],
    place: OFFICE,
    hours: HOURS,
    fees: '首次申领免费',
    faqs: [{ q: '居住证多久签注一次?', a: '每年签注一次,可在到期前一个月内办理。' }],
  },
  {
    category: 'family',
    title: '新生儿落户和医保登记',
    audience: '父母一方为本区户籍的新生儿',
    materials: ['出生医学证明', '父母双方身份证和户口簿', '结婚证'],
    steps: ['在线预约', '到派出所办理落户', '落户后到受理中心办理城乡居民医保登记'],
    place: '户籍地派出所;医保在社区事务受理服务中心',
    hours: HOURS,
    fees: '免费',
  },
  {
    category: 'civil_affairs',
    title: '申请最低生活保障(低保)',
    audience: '家庭人均收入低于本市低保标准的本区户籍家庭',
    materials: ['户口簿和身份证', '家庭收入证明', '家庭财产申报表'],
    steps: ['向居委会提出申请', '入户调查和民主评议', '街道审核、区民政局审批', '公示 7 天后发放'],
    place: '户籍地居委会',
    hours: HOURS,
    fees: '免费',
  },
  {
    category: 'social_security',
    title: '高龄老人营养补贴',
    audience: '年满 80 周岁的本区户籍老人',
    materials: ['老人身份证', '银行卡'],
    steps: ['居委会登记', '街道审核', '次月起按月发放'],
    place: '户籍地居委会',
    hours: HOURS,
    fees: '免费',
  },
  {
    category: 'housing',
    title: '老旧小区加装电梯申请',
    audience: '本区多层住宅的业主',
    materials: ['本单元业主意见征询表(需达到法定同意比例)', '加装方案和设计图', '资金分摊协议'],
    steps: ['居委会组织意见征询', '提交方案到街道', '区住建委联合审查', '公示后施工'],
    place: '街道城建办',
    hours: HOURS,
    fees: '按分摊协议',
  },
];

export async function seedDemoGuides(tx: Db, at: Date): Promise<void> {
  const district = await tx
    .selectFrom('org_node')
    .select(['id', 'path'])
    .where('type', '=', 'district')
    .executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (const g of GUIDES) {
    const id = randomUUID();
    ids.push(id);
    await repo.insert(
      tx,
      {
        id,
        node_id: district.id,
        node_path: district.path,
        base_id: null,
        category: g.category,
        title: g.title,
        audience: g.audience,
        materials: g.materials,
        steps: g.steps,
        place: g.place,
        hours: g.hours,
        fees: g.fees,
        online_url: null,
        faqs: JSON.stringify(g.faqs ?? []),
        initials: initialsOf(g.title),
        updated_at: at,
        updated_by: null,
      },
      guideTokens(g),
    );
  }
  // 银杏社区 keeps its own hours for the elderly subsidy (the committee registers on Tuesday and Thursday).
  const a = await tx
    .selectFrom('org_node')
    .select(['id', 'path'])
    .where('name', '=', '银杏社区')
    .executeTakeFirstOrThrow();
  const base = GUIDES[3]!;
  await repo.insert(
    tx,
    {
      id: randomUUID(),
      node_id: a.id,
      node_path: a.path,
      base_id: ids[3]!,
      category: base.category,
      title: base.title,
      audience: base.audience,
      materials: base.materials,
      steps: base.steps,
      place: '银杏社区居委会一楼服务窗口',
      hours: '每周二、周四 9:00—11:30',
      fees: base.fees,
      online_url: null,
      faqs: '[]',
      initials: initialsOf(base.title),
      updated_at: at,
      updated_by: null,
    },
    guideTokens(base),
  );
}
