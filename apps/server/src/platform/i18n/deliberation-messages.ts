/** Problem titles and field messages of the deliberation hall (议事厅). */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const DELIBERATION_PROBLEMS: Catalog = {
  not_a_resident: {
    'zh-CN': '只有本社区经过认证的居民或居委会可以这样做',
    en: 'Only verified residents of this community or its committee can do this',
  },
  not_committee: { 'zh-CN': '只有居委会(书记、委员)可以这样做', en: 'Only the committee can do this' },
  proposal_stage: {
    'zh-CN': '该议题当前阶段不能执行此操作,请刷新',
    en: 'This cannot be done at the proposal’s current stage; reload',
  },
  discussion_closed: { 'zh-CN': '该议题的协商讨论已结束', en: 'Discussion of this proposal has closed' },
  not_in_scope: {
    'zh-CN': '只有议题涉及范围内的居民可以参与评估',
    en: 'Only residents the proposal concerns can answer the survey',
  },
  project_not_completed: { 'zh-CN': '项目完成后才能评估', en: 'The project can be evaluated once completed' },
  project_completed: { 'zh-CN': '项目已完成', en: 'The project is completed' },
  already_evaluated: { 'zh-CN': '您已经评估过该项目', en: 'You have already evaluated this project' },
};

export const DELIBERATION_FIELDS: Catalog = {
  must_be_empty: { 'zh-CN': '全社区范围不需要选择楼栋', en: 'leave empty for the whole community' },
  count: { 'zh-CN': '楼栋数量与范围不符', en: 'the number of buildings does not match the scope' },
  duplicate: { 'zh-CN': '有重复的选项', en: 'has duplicate options' },
  in_future: { 'zh-CN': '不能晚于今天', en: 'cannot be in the future' },
  backwards: { 'zh-CN': '项目状态不能回退', en: 'a project’s status cannot go back' },
};
