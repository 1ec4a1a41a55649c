/** Problem titles and field messages of notices, neighbour boards and service guides. */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const BOARD_PROBLEMS: Catalog = {
  notice_level_forbidden: {
    'zh-CN': '您不能在该层级发布公告(区级公告仅限区社建办发布)',
    en: 'You cannot publish at this level (district notices are for the district office)',
  },
  notice_withdrawn: { 'zh-CN': '该公告已撤回,不能再修改', en: 'This notice was withdrawn and cannot be changed' },
  notice_closed: { 'zh-CN': '该公告已过期或已撤回', en: 'This notice has expired or was withdrawn' },
  not_a_member: {
    'zh-CN': '只有本社区的居民和工作人员可以在这里发帖或评论',
    en: 'Only residents and staff of this community can post or comment here',
  },
  not_author: { 'zh-CN': '只能修改自己发布的帖子', en: 'You can only edit your own posts' },
  not_a_party_member: {
    'zh-CN': '只有已在本社区报到的党员可以这样做(亮身份、党员交流)',
    en: 'Only party members checked in to this community can do this (party badge, members’ talk)',
  },
  party_organisation_only: {
    'zh-CN': '党建动态和学习资料由社区党组织发布',
    en: 'Party news and study materials are published by the community party organisation',
  },
  already_member: {
    'zh-CN': '您已是本村居民,可以直接使用各个版块',
    en: 'You already live in this village and can use every board',
  },
  post_hidden: { 'zh-CN': '该帖子已被隐藏', en: 'This post was hidden' },
  post_not_visible: { 'zh-CN': '该帖子正在审核或已被隐藏', en: 'This post is under review or hidden' },
  step_not_allowed: { 'zh-CN': '您不能对该帖子执行此操作', en: 'You cannot do this on this post' },
  illegal_step: {
    'zh-CN': '该帖子当前状态下不能执行此操作,请刷新',
    en: 'This cannot be done at the post’s current stage; reload',
  },
  already_done: { 'zh-CN': '已经处理过了', en: 'This has already been done' },
  not_convertible: { 'zh-CN': '只有「身边事」可以转为诉求', en: 'Only local-matter posts can become cases' },
  not_proposable: { 'zh-CN': '只有「身边事」可以转为议题', en: 'Only local-matter posts can become proposals' },
  already_proposed: { 'zh-CN': '该帖子已转为议题', en: 'This post has already become a proposal' },
  already_converted: { 'zh-CN': '该帖子已转为诉求', en: 'This post has already become a case' },
  already_overridden: {
    'zh-CN': '本社区已为该事项单独设置,请直接编辑',
    en: 'This community already has its own version of this item; edit that one',
  },
  guide_level_forbidden: {
    'zh-CN': '您不能在该层级维护办事指南',
    en: 'You cannot maintain service guides at this level',
  },
};

export const BOARD_FIELDS: Catalog = {
  hometown_villages_only: { 'zh-CN': '只有行政村设有乡愁乡音版块', en: 'only villages have a hometown board' },
  control_characters: { 'zh-CN': '含有不可见的控制字符', en: 'contains invisible control characters' },
  in_past: { 'zh-CN': '不能早于当前时间', en: 'must be in the future' },
  not_must_read: { 'zh-CN': '该公告不需要确认阅读', en: 'this notice does not ask for confirmation' },
  own_post: { 'zh-CN': '不能举报自己的帖子', en: 'you cannot report your own post' },
};
