/** Strings of the follow-up screens (corrections, 催办) in their own namespace `collectionFollowup`. */
import { useTranslation } from 'react-i18next';
import i18n from '../../shared/i18n.ts';

const zh = {
  title: '数据采集更正确认',
  hint: '网格员在填报中更正了数据库数据。人员名单可直接写回数据库(留痕,原因“数据采集更正”);统计数无法直接写回,可发起信息核实(网格员逐人核对)或确认知悉。',
  pending: '待确认',
  decided: '已处理',
  empty: '没有待确认的更正',
  form: '表单',
  target: '填报对象',
  field: '字段',
  registry: '数据库数据',
  answer: '填报数据',
  submitted: '提交时间',
  result: '处理结果',
  apply: '确认并写回数据库',
  verify: '发起信息核实',
  acknowledge: '确认知悉',
  dismiss: '不采纳',
  note: '备注(可选)',
  done: '已处理',
  decision: { applied: '已写回数据库', verify: '已发起核实', acknowledged: '已确认知悉', dismissed: '未采纳' },
  added: '新增标签:{{names}}',
  removed: '取消标签:{{names}}',
  unmatched: '未能匹配(请在居民信息库中处理):{{names}}',
  campaign: '已创建核实任务',
  rows: '{{n}} 人',
  urge: '催办',
  urged: '已催办 {{n}} 人',
  urgedNone: '已记录催办,但该对象暂无填报人员',
};
type Catalog = typeof zh;
const en: Catalog = {
  title: 'Confirm data collection corrections',
  hint: 'Workers corrected registry values while filling forms. A list of people can be written back to the registry (with history, reason “data collection correction”); a count cannot, so send it for verification (workers check person by person) or acknowledge it.',
  pending: 'To confirm',
  decided: 'Decided',
  empty: 'No corrections to confirm',
  form: 'Form',
  target: 'Target',
  field: 'Field',
  registry: 'Registry',
  answer: 'Answered',
  submitted: 'Submitted',
  result: 'Result',
  apply: 'Confirm and write back',
  verify: 'Send for verification',
  acknowledge: 'Acknowledge',
  dismiss: 'Dismiss',
  note: 'Note (optional)',
  done: 'Done',
  decision: {
    applied: 'Written back',
    verify: 'Verification started',
    acknowledged: 'Acknowledged',
    dismissed: 'Dismissed',
  },
  added: 'Tag set: {{names}}',
  removed: 'Tag ended: {{names}}',
  unmatched: 'Not matched (handle in the registry): {{names}}',
  campaign: 'Verification campaign created',
  rows: '{{n}} people',
  urge: 'Remind',
  urged: 'Reminded {{n}} people',
  urgedNone: 'Reminder recorded; this target has no one assigned yet',
};

i18n.addResourceBundle('zh-CN', 'collectionFollowup', zh, true, true);
i18n.addResourceBundle('en', 'collectionFollowup', en, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export function useFollowupT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key: Paths<Catalog>, options?: Record<string, unknown>): string =>
    lookup(key, { ...options, ns: 'collectionFollowup' });
}
