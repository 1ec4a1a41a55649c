/** Problem titles and field messages of data collection forms (一键采集): docs/adr/0015-data-collection-forms.md. */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const FORM_PROBLEMS: Catalog = {
  form_invalid: { 'zh-CN': '表单内容有误', en: 'The form has errors' },
  form_duplicate_open: {
    'zh-CN': '同样的表单已发给其中 {count} 个对象且尚未完成,不能重复下发',
    en: 'The same form is still open at {count} of these targets; it cannot be sent again',
  },
  form_deadline_passed: {
    'zh-CN': '已过截止时间,需发起方重新开放后才能提交',
    en: 'The deadline has passed; the requester must reopen the task first',
  },
  form_task_submitted: {
    'zh-CN': '该任务已提交,需发起方重新开放后才能修改',
    en: 'This task was submitted; the requester must reopen it before it can change',
  },
  form_task_registry: {
    'zh-CN': '该报表已由社区数据库直接生成,无需填报',
    en: 'This report was answered from the registry; there is nothing to fill',
  },
  form_task_reopened: { 'zh-CN': '该任务已重新开放', en: 'This task is already reopened' },
  node_not_found: { 'zh-CN': '找不到该组织节点', en: 'No such organisation node' },
};

/** Field rules double as problem titles (a 422 names its first wrong field). */
export const FORM_FIELDS: Catalog = {
  node_not_found: { 'zh-CN': '找不到该组织节点或不在您的范围内', en: 'is not a node within your reach' },
  form_key_duplicate: { 'zh-CN': '字段标识重复', en: 'repeats another field’s key' },
  form_options_missing: { 'zh-CN': '选择题须填写选项', en: 'a choice needs options' },
  form_options_unused: { 'zh-CN': '只有选择题才有选项', en: 'only choices take options' },
  form_options_duplicate: { 'zh-CN': '选项不能重复', en: 'has a repeated option' },
  form_columns_missing: { 'zh-CN': '表格须定义列', en: 'a table needs columns' },
  form_columns_unused: { 'zh-CN': '只有表格才有列', en: 'only tables take columns' },
  form_condition_unknown: {
    'zh-CN': '显示条件须引用前面的字段',
    en: 'the condition must name an earlier field',
  },
  form_bound_conditional: {
    'zh-CN': '由数据库自动填写的字段不能设置显示条件',
    en: 'a field answered by the registry cannot be conditional',
  },
  form_binding_type: {
    'zh-CN': '统计数只能绑定到数字字段,人员名单只能绑定到表格',
    en: 'counts bind to number fields, lists of people to tables',
  },
  form_binding_columns: {
    'zh-CN': '人员名单的列只能是姓名(name)和地址(address)',
    en: 'a list of people has only the text columns name and address',
  },
  form_binding_tag: { 'zh-CN': '按标签统计须指定标签', en: 'a tag count or list needs a tag' },
  form_binding_age: { 'zh-CN': '按年龄统计须指定最低年龄', en: 'an age count needs a minimum age' },
  form_binding_tag_unknown: { 'zh-CN': '没有这个标签', en: 'is not an active tag' },
  form_binding_not_visible: {
    'zh-CN': '您无权在该范围读取此项数据库数据',
    en: 'is registry data you may not read at this node',
  },
  form_target_type: { 'zh-CN': '只能下发给社区或网格', en: 'must be a community or a grid' },
  form_target_overlap: {
    'zh-CN': '已选择了它所在的社区,不能再单独下发给其中的网格',
    en: 'its community is already a target; a grid inside it cannot be one too',
  },
  form_deadline_past: { 'zh-CN': '截止时间必须晚于现在', en: 'must be in the future' },
  form_answer_unknown: { 'zh-CN': '表单中没有这个字段', en: 'is not a field of this form' },
  form_answer_type: { 'zh-CN': '填写的类型不正确', en: 'has the wrong type for this field' },
  form_answer_outside_target: { 'zh-CN': '所选对象不在本任务范围内', en: 'is not in this task’s grid or community' },
  form_answer_option: { 'zh-CN': '不是该题的选项', en: 'is not one of the options' },
  form_answer_required: { 'zh-CN': '必填', en: 'is required' },
};
