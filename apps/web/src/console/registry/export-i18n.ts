/** Strings of the export-approval page, merged into the `registry` namespace (looked up by key at run time). */
import i18n from '../../shared/i18n.ts';

const zh = {
  export: {
    go: '导出申请',
    title: '申请导出居民信息',
    hint: '导出须经上级审批(社区书记审批网格、街道审批社区)。获批后 72 小时内可下载,文件带有您的姓名、时间和申请编号水印;无权查看完整身份证号的,身份证号打码。申请、审批和每次下载均记入审计。',
    area: '范围',
    columns: '导出列',
    reason: '用途',
    reasonPlaceholder: '如:重阳节走访名单核对',
    ask: '提交申请',
    asked: '已提交,等待审批',
    mine: '我的导出申请',
    toDecide: '待我审批',
    requester: '申请人',
    statusTitle: '状态',
    status: { pending: '待审批', approved: '已批准', rejected: '已驳回', expired: '已过期' },
    decidedBy: '审批人',
    expires: '有效期至',
    download: '下载 Excel',
    approve: '批准',
    reject: '驳回',
    none: '您没有导出或审批权限',
    col: {
      name: '姓名',
      idNumber: '身份证号',
      sex: '性别',
      birthDate: '出生日期',
      phone: '手机',
      address: '住址',
      relation: '与户主关系',
      residence: '居住状态',
    },
  },
};
const en = {
  export: {
    go: 'Exports',
    title: 'Request an export of residents',
    hint: 'Exports need approval from a higher role (the secretary for a grid, the street for a community). Once approved you may download for 72 hours; the file is watermarked with your name, the time and the request number, and ID numbers are masked unless you may reveal them. Requests, decisions and every download are audited.',
    area: 'Area',
    columns: 'Columns',
    reason: 'Purpose',
    reasonPlaceholder: 'e.g. checking the list for Double Ninth visits',
    ask: 'Submit request',
    asked: 'Submitted for approval',
    mine: 'My export requests',
    toDecide: 'Waiting for my decision',
    requester: 'Requested by',
    statusTitle: 'Status',
    status: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', expired: 'Expired' },
    decidedBy: 'Decided by',
    expires: 'Valid until',
    download: 'Download Excel',
    approve: 'Approve',
    reject: 'Reject',
    none: 'You may neither export nor approve exports',
    col: {
      name: 'Name',
      idNumber: 'ID number',
      sex: 'Sex',
      birthDate: 'Birth date',
      phone: 'Phone',
      address: 'Address',
      relation: 'Relation to head',
      residence: 'Residence',
    },
  },
};

i18n.addResourceBundle('zh-CN', 'registry', zh, true, false);
i18n.addResourceBundle('en', 'registry', en, true, false);

/** The button that opens the export page (from the registry and, for approvers, the outreach page). */
export const exportLabel = () =>
  (i18n.t as unknown as (k: string, o: object) => string)('export.go', { ns: 'registry' });
