/** Problem titles and field messages of the case workflow (codes of packages/contracts/src/cases). */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const CASE_PROBLEMS: Catalog = {
  illegal_transition: {
    'zh-CN': '该诉求当前状态下不能执行此操作,请刷新查看最新进展',
    en: 'This cannot be done in the case’s current state; reload to see where it stands',
  },
  not_reporter: { 'zh-CN': '只有诉求人本人可以执行此操作', en: 'Only the reporter can do this' },
  department_not_assigned: { 'zh-CN': '该诉求未派遣给您的部门', en: 'This case was not dispatched to your department' },
  not_invited: { 'zh-CN': '您的部门未被邀请参加此次会商', en: 'Your department was not invited to this meeting' },
  already_rated: { 'zh-CN': '您已评价过本次办理结果', en: 'You have already rated this resolution' },
  reopen_window_passed: {
    'zh-CN': '办结已超过 7 天,不能再重新打开,请提交新的诉求',
    en: 'More than 7 days have passed since closing; please report a new case',
  },
  rating_pending: {
    'zh-CN': '诉求人评价期内(7 天)暂不能直接结案',
    en: 'The reporter still has time to rate (7 days); it cannot be closed yet',
  },
  invalid_input: { 'zh-CN': '提交的内容不符合此操作的要求', en: 'The input does not fit this action' },
  reason_required: { 'zh-CN': '请填写原因', en: 'Please give a reason' },
  note_required: { 'zh-CN': '请填写处理情况说明', en: 'Please describe what was done' },
  department_already_assigned: {
    'zh-CN': '该部门已有未完成的派遣',
    en: 'This department already holds an open assignment of the case',
  },
  department_not_serving: {
    'zh-CN': '所选部门不负责该街道,不能派遣',
    en: 'The department does not serve this street',
  },
  human_check_failed: {
    'zh-CN': '验证答案不正确或已过期,请重新作答',
    en: 'Wrong or expired answer; try the new question',
  },
  link_invalid: {
    'zh-CN': '该二维码已失效,请联系社区获取新的二维码',
    en: 'This QR code no longer works; ask the community for a new one',
  },
  invalid_cursor: { 'zh-CN': '翻页参数无效,请从第一页重新加载', en: 'Invalid page cursor; reload from the first page' },
};

export const CASE_FIELDS: Catalog = {
  outside_community: { 'zh-CN': '不在本社区范围内', en: 'is outside the community' },
  source_not_allowed: { 'zh-CN': '您不能以此渠道登记诉求', en: 'is not a channel you may use' },
  department_not_serving: { 'zh-CN': '该部门不负责本街道', en: 'does not serve this street' },
  human_check_failed: { 'zh-CN': '答案不正确', en: 'is wrong' },
  other_community: { 'zh-CN': '只能合并到同一社区的诉求', en: 'must be a case of the same community' },
  invalid_cursor: { 'zh-CN': '无效', en: 'is invalid' },
  invalid_input: { 'zh-CN': '不符合要求', en: 'is invalid' },
};
