/** Problems of the follow-up of data collection tasks (reminders, corrections): docs/adr/0015-data-collection-forms.md. */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const FORM_FOLLOWUP_PROBLEMS: Catalog = {
  form_urge_too_soon: {
    'zh-CN': '一小时内已催办过该任务,请 {minutes} 分钟后再试',
    en: 'This task was reminded within the hour; try again in {minutes} min',
  },
  form_task_not_open: { 'zh-CN': '该任务已提交,无需催办', en: 'This task is no longer open' },
  form_correction_stale: {
    'zh-CN': '该任务已重新开放,更正待重新提交后再确认',
    en: 'The task was reopened; confirm its corrections once it is submitted again',
  },
  form_correction_decided: { 'zh-CN': '该更正已处理过', en: 'This correction was already decided' },
};

export const FORM_FOLLOWUP_FIELDS: Catalog = {
  form_correction_not_applicable: {
    'zh-CN': '统计数不能直接写回数据库,请选择核实或确认知悉',
    en: 'a count cannot be written back; verify or acknowledge it',
  },
};
