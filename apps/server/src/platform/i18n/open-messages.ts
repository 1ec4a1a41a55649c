/** Problem titles of the open platform: API tokens on /api/open and single sign-on (docs/adr/0013). */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const OPEN_PROBLEMS: Catalog = {
  invalid_api_key: {
    'zh-CN': 'API 令牌无效、已吊销或已过期',
    en: 'The API token is unknown, revoked or expired',
  },
  scope_missing: { 'zh-CN': '该 API 令牌没有 {scope} 权限', en: 'This API token lacks the {scope} scope' },
  token_out_of_scope: {
    'zh-CN': '该节点不在 API 令牌的授权范围内',
    en: 'That node is outside the API token’s subtree',
  },
  sso_not_configured: {
    'zh-CN': '未配置政务统一身份认证',
    en: 'Single sign-on is not configured',
  },
  sso_state_invalid: {
    'zh-CN': '统一身份认证登录已失效或被重复使用,请重新登录',
    en: 'The single sign-on attempt expired or was already used; sign in again',
  },
  sso_failed: {
    'zh-CN': '统一身份认证登录失败,请重试或使用密码登录',
    en: 'Single sign-on failed; try again or sign in with your password',
  },
  sso_unknown_account: {
    'zh-CN': '统一身份认证账号未关联本系统账号,请联系区级管理员',
    en: 'This single sign-on account is not linked to a Linli account; ask your district administrator',
  },
  sso_not_staff: {
    'zh-CN': '统一身份认证登录仅限工作人员使用',
    en: 'Single sign-on is for staff accounts only',
  },
  sso_link_taken: {
    'zh-CN': '该外部账号已关联其他用户',
    en: 'This external account is already linked to another user',
  },
};

export const OPEN_FIELDS: Catalog = {
  sso_link_taken: { 'zh-CN': '该外部账号已关联其他用户', en: 'is already linked to another user' },
};
