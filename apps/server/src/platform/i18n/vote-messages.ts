/** Problem titles and field messages of votes (表决): docs/adr/0012-votes.md. */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

/** Field rules double as problem titles (a 422 names its first wrong field). */
export const VOTE_FIELDS: Catalog = {
  empty: { 'zh-CN': '不能为空', en: 'must not be empty' },
  unknown_node: { 'zh-CN': '不是本社区的楼栋、单元或户室', en: 'is not a place in this community' },
  deadline_past: { 'zh-CN': '截止时间必须晚于现在', en: 'must be in the future' },
  too_few_options: { 'zh-CN': '至少需要两个选项', en: 'needs at least two options' },
  duplicate_option: { 'zh-CN': '选项不能重复', en: 'has a repeated option' },
  max_choices_out_of_range: {
    'zh-CN': '最多可选数须在 1 到选项数之间',
    en: 'must be between 1 and the number of options',
  },
  thresholds_required: { 'zh-CN': '自定义规则须填写通过门槛', en: 'custom rules need thresholds' },
  thresholds_only_custom: { 'zh-CN': '只有自定义规则才能填写门槛', en: 'only custom rules take thresholds' },
  bad_ratio: { 'zh-CN': '比例须为 0 到 1 之间的分数', en: 'must be a fraction between 0 and 1' },
  duplicate_measure: { 'zh-CN': '计算口径重复', en: 'lists a measure twice' },
  area_needs_owners: {
    'zh-CN': '按专有面积计算只适用于业主表决',
    en: 'floor area only weighs owners’ votes',
  },
  art278_needs_owners: {
    'zh-CN': '民法典第二百七十八条的双过半规则只适用于业主表决',
    en: 'Civil Code art. 278 rules apply to owners’ votes only',
  },
  no_choice: { 'zh-CN': '请至少选择一项', en: 'choose at least one option' },
  option_out_of_range: { 'zh-CN': '所选选项不存在', en: 'names an option that does not exist' },
  duplicate_choice: { 'zh-CN': '同一选项不能选两次', en: 'names an option twice' },
  too_many_choices: { 'zh-CN': '所选项数超过上限({max} 项)', en: 'has more choices than allowed ({max})' },
};

export const VOTE_PROBLEMS: Catalog = {
  ...VOTE_FIELDS,
  proposal_not_found: { 'zh-CN': '找不到该议题', en: 'No such proposal' },
  proposal_not_votable: {
    'zh-CN': '议题须在协商中或已形成协商小结后才能发起表决',
    en: 'A proposal is put to a vote only while in consultation or once its summary is written',
  },
  vote_not_draft: { 'zh-CN': '该表决已经开始,不能再次开启', en: 'This vote has already been opened' },
  empty_electorate: {
    'zh-CN': '表决范围内没有符合条件的投票人,请先核对居民信息库',
    en: 'Nobody in the scope is eligible to vote; check the registry first',
  },
  vote_not_open: { 'zh-CN': '该表决尚未开始', en: 'This vote is not open yet' },
  vote_closed: { 'zh-CN': '该表决已结束,不能再更改', en: 'This vote is closed and cannot change' },
  vote_deadline_passed: { 'zh-CN': '已过投票截止时间', en: 'The voting deadline has passed' },
  vote_not_closed: {
    'zh-CN': '表决结束后才公布投票链',
    en: 'The ballot chain is published once the vote closes',
  },
  not_in_electorate: {
    'zh-CN': '您不在本次表决的投票人名单中',
    en: 'You are not in this vote’s electorate',
  },
  already_voted: {
    'zh-CN': '您(或您家)已经投过票,本次表决不允许改票',
    en: 'Your ballot (or your household’s) is already in; this vote does not allow changes',
  },
};
