/** The published demo password; the server warns loudly while any demo account still uses it. */
export const DEMO_PASSWORD = 'Linli@2026';

export interface DemoAccount {
  phone: string;
  name: string;
  role: string;
  /** Where the role is granted, by the demo tree's keys (see tree.ts). */
  at: string;
  department?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { phone: '13800000001', name: '赵明', role: 'district_admin', at: 'district' },
  { phone: '13800000002', name: '钱芳', role: 'street_dispatcher', at: 'street1' },
  { phone: '13800000003', name: '孙丽', role: 'community_secretary', at: 'A' },
  { phone: '13800000004', name: '李强', role: 'grid_worker', at: 'A.grid1' },
  { phone: '13800000005', name: '周敏', role: 'resident', at: 'A.home' },
  { phone: '13800000006', name: '吴刚', role: 'resident', at: 'D.home' },
  { phone: '13800000007', name: '郑伟', role: 'department_staff', at: 'district', department: 'cgj' },
  // Further staff so each community has someone to call.
  { phone: '13800000008', name: '王建国', role: 'committee_member', at: 'A' },
  { phone: '13800000009', name: '陈静', role: 'grid_worker', at: 'A.grid2' },
  { phone: '13800000010', name: '冯晓燕', role: 'community_secretary', at: 'D' },
  { phone: '13800000011', name: '褚卫东', role: 'street_staff', at: 'street1' },
  { phone: '13800000012', name: '蒋涛', role: 'department_staff', at: 'district', department: 'jsw' },
];

/** Departments and the streets they serve; 市场监管 serves only 白鹭镇, so 青松街道 cannot dispatch to it. */
export const DEMO_DEPARTMENTS = [
  { id: '1', code: 'cgj', name: '区城市管理行政执法局', streets: ['street1'] },
  { id: '2', code: 'jsw', name: '区建设和管理委员会', streets: ['street1', 'street2'] },
  { id: '3', code: 'lrj', name: '区绿化和市容管理局', streets: ['street1', 'street2'] },
  { id: '4', code: 'scj', name: '区市场监督管理局', streets: ['street2'] },
] as const;

/** People waiting in 银杏社区's review queue when the demo starts. */
export const DEMO_APPLICANTS = [
  { phone: '13900000001', name: '蒋欣怡', birth: '19900312', seq: 102, room: 'A.b2.u1.201' },
  { phone: '13900000002', name: '韩志强', birth: '19781105', seq: 231, room: 'A.b3.u2.402' },
  { phone: '13900000003', name: '杨秀英', birth: '19520728', seq: 64, room: 'A.b1.u2.301' },
] as const;
