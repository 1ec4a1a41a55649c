/**
 * Demo organisations and compound profiles: shops, a property company, a health station and a seniors'
 * association in 银杏社区, a market and a kindergarten in 海棠社区, a cooperative and a self-managed courtyard
 * in 桃源村. Credit codes are fictional but carry valid check characters.
 */
import { randomUUID } from 'node:crypto';
import { makeCreditCode } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import * as repo from './places-repository.ts';

type Kind = 'shop' | 'firm' | 'social_org' | 'institution' | 'other';
interface DemoOrg {
  community: string;
  at: string[];
  kind: Kind;
  name: string;
  code: string | null;
  address: string;
  contact: [string, string];
  employees: number;
  party: boolean;
  notes?: string;
}

const ORGS: DemoOrg[] = [
  {
    community: '银杏社区',
    at: ['第一网格', '1号楼'],
    kind: 'shop',
    name: '银杏便利店',
    code: '92310199MA1GK7P2X',
    address: '银杏路 12 号',
    contact: ['周建华', '13700001201'],
    employees: 3,
    party: false,
    notes: '24 小时营业,可代收快递',
  },
  {
    community: '银杏社区',
    at: ['第一网格'],
    kind: 'firm',
    name: '青松物业管理有限公司',
    code: '91310199MA1H2QW8U',
    address: '银杏路 8 号物业楼',
    contact: ['陆海涛', '021-56781234'],
    employees: 36,
    party: true,
  },
  {
    community: '银杏社区',
    at: ['第二网格', '3号楼'],
    kind: 'institution',
    name: '临江区银杏社区卫生服务站',
    code: '12310199425013368',
    address: '银杏路 20 号',
    contact: ['沈医生', '021-56785678'],
    employees: 9,
    party: true,
    notes: '家庭医生签约、慢病随访',
  },
  {
    community: '银杏社区',
    at: ['第二网格'],
    kind: 'social_org',
    name: '银杏社区老年协会',
    code: '51310199MJ4B1R6T0',
    address: '银杏路 20 号二楼活动室',
    contact: ['钱玉珍', '13700001202'],
    employees: 0,
    party: false,
    notes: '每周二、四下午书画和合唱活动',
  },
  {
    community: '银杏社区',
    at: ['第二网格', '4号楼'],
    kind: 'shop',
    name: '小蜜蜂家政服务部',
    code: null,
    address: '银杏路 26 号',
    contact: ['胡小梅', '13700001203'],
    employees: 5,
    party: false,
  },
  {
    community: '海棠社区',
    at: ['第一网格'],
    kind: 'shop',
    name: '海棠农贸市场',
    code: '92310199MA1J5L3C7',
    address: '海棠街 3 号',
    contact: ['马德胜', '13700001204'],
    employees: 40,
    party: false,
  },
  {
    community: '海棠社区',
    at: ['第二网格'],
    kind: 'institution',
    name: '白鹭镇海棠幼儿园',
    code: '12310199425017481',
    address: '海棠街 15 号',
    contact: ['许园长', '021-56790001'],
    employees: 28,
    party: true,
  },
  {
    community: '桃源村',
    at: ['第一村民小组网格'],
    kind: 'firm',
    name: '桃源果蔬专业合作社',
    code: '93310199MA1K8D4F2',
    address: '桃源村 1 组',
    contact: ['桃建国', '13700001205'],
    employees: 12,
    party: true,
    notes: '村集体参股,收购村民果蔬',
  },
];

const WY_PROVIDERS = [
  { name: '青松物业管理有限公司', service: '保洁、安保、设施维修', contactName: '陆海涛', phone: '021-56781234' },
  { name: '临江区银杏社区卫生服务站', service: '家庭医生', contactName: '沈医生', phone: '021-56785678' },
  { name: '临江明理律师事务所', service: '法律咨询(每月第一个周六)', contactName: '高律师', phone: '13700001206' },
];

const COMPOUNDS = [
  {
    community: '银杏社区',
    at: ['第一网格', '1号楼'],
    management: 'company',
    company: '青松物业管理有限公司',
    contact: ['陆海涛', '021-56781234'],
    entrances: [
      { name: '南门', hours: '24 小时', guarded: true, vehicles: true },
      { name: '北门', hours: '06:00–22:00', guarded: false, vehicles: false },
    ],
    facilities: [
      { kind: 'elevator', count: 2, notes: null },
      { kind: 'charging', count: 12, notes: '非机动车充电桩,扫码付费' },
      { kind: 'cctv', count: 18, notes: null },
      { kind: 'activity_room', count: 1, notes: '底楼 101,可预约' },
      { kind: 'parking', count: 40, notes: '地面车位' },
    ],
    providers: WY_PROVIDERS,
  },
  {
    community: '银杏社区',
    at: ['第二网格', '3号楼'],
    management: 'company',
    company: '青松物业管理有限公司',
    contact: ['陆海涛', '021-56781234'],
    entrances: [{ name: '东门', hours: '24 小时', guarded: true, vehicles: true }],
    facilities: [
      { kind: 'elevator', count: 2, notes: '2025 年加装' },
      { kind: 'sorting_point', count: 2, notes: '定时投放 7:00–9:00、18:00–20:00' },
      { kind: 'aed', count: 1, notes: '门卫室' },
    ],
    providers: WY_PROVIDERS.slice(0, 2),
  },
  {
    community: '桃源村',
    at: ['第一村民小组网格', '东头院'],
    management: 'self',
    company: null,
    contact: ['桃建国', '13700001205'],
    entrances: [
      { name: '院口', hours: null, guarded: false, vehicles: true },
      { name: '后门(祠堂边)', hours: null, guarded: false, vehicles: false },
    ],
    facilities: [
      { kind: 'activity_room', count: 1, notes: '老年活动室' },
      { kind: 'fire_equipment', count: 6, notes: '灭火器,每季度检查' },
    ],
    providers: [{ name: '白鹭镇社区卫生服务中心', service: '家庭医生', contactName: '何医生', phone: '021-56790002' }],
  },
] as const;

/** A node by its names under a community ("第一网格", "1号楼"). */
async function nodeAt(tx: Db, community: string, names: readonly string[]) {
  let node = await tx.selectFrom('org_node').select(['id', 'path']).where('name', '=', community).executeTakeFirst();
  for (const name of names) {
    if (!node) return null;
    node = await tx
      .selectFrom('org_node')
      .select(['id', 'path'])
      .where('parent_id', '=', node.id)
      .where('name', '=', name)
      .executeTakeFirst();
  }
  return node ?? null;
}

export async function seedDemoPlaces(tx: Db, at: Date): Promise<void> {
  for (const o of ORGS) {
    const c = await nodeAt(tx, o.community, []);
    const n = await nodeAt(tx, o.community, o.at);
    if (!c || !n) continue;
    await repo.insertOrganisation(tx, {
      community_id: c.id,
      id: randomUUID(),
      kind: o.kind,
      name: o.name,
      credit_code: o.code ? makeCreditCode(o.code) : null,
      node_id: n.id,
      address: o.address,
      contact_name: o.contact[0],
      contact_phone: o.contact[1],
      employees: o.employees,
      party_org: o.party,
      notes: o.notes ?? null,
      status: 'active',
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
      version: 1,
    });
  }
  for (const p of COMPOUNDS) {
    const c = await nodeAt(tx, p.community, []);
    const n = await nodeAt(tx, p.community, p.at);
    if (!c || !n) continue;
    await repo.saveCompound(
      tx,
      {
        community_id: c.id,
        node_id: n.id,
        management: p.management,
        company_name: p.company,
        contact_name: p.contact[0],
        contact_phone: p.contact[1],
        entrances: [...p.entrances],
        facilities: [...p.facilities],
        providers: [...p.providers],
        notes: null,
        updated_by: null,
        updated_by_name: '演示数据',
        updated_at: at,
      },
      0,
    );
  }
}
