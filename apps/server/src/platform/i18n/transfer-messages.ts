/** Problem titles and field messages of household transfers between communities (modules/registry/transfer.ts). */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const TRANSFER_FIELDS: Catalog = {
  same_community: {
    'zh-CN': '请选择其他社区;本社区内换房请用「换房」',
    en: 'Pick another community; within this community, move the household to another room instead',
  },
};

export const TRANSFER_PROBLEMS: Catalog = {
  ...TRANSFER_FIELDS,
  moved_out: {
    'zh-CN': '该户已迁出本社区,记录仅供查阅',
    en: 'This household has moved to another community; its records are kept read-only',
  },
  transfer_pending: {
    'zh-CN': '该户有待接收的迁出申请,处理完成前不能修改',
    en: 'This household has a transfer waiting to be accepted; it cannot be changed until that is settled',
  },
  transfer_decided: { 'zh-CN': '该迁移申请已处理', en: 'This transfer has already been settled' },
};
