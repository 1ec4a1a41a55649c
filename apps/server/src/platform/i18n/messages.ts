/** Problem titles and field messages by stable code, in Simplified Chinese (default) and English. */
import { BOARD_FIELDS, BOARD_PROBLEMS } from './board-messages.ts';
import { CASE_FIELDS, CASE_PROBLEMS } from './case-messages.ts';
import { DELIBERATION_FIELDS, DELIBERATION_PROBLEMS } from './deliberation-messages.ts';
import { FORM_FOLLOWUP_FIELDS, FORM_FOLLOWUP_PROBLEMS } from './form-followup-messages.ts';
import { FORM_FIELDS, FORM_PROBLEMS } from './form-messages.ts';
import { OPEN_FIELDS, OPEN_PROBLEMS } from './open-messages.ts';
import { REGISTRY_FIELDS, REGISTRY_PROBLEMS } from './registry-messages.ts';
import { VOTE_FIELDS, VOTE_PROBLEMS } from './vote-messages.ts';

export type Lang = 'zh-CN' | 'en';
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const PROBLEMS: Catalog = {
  ...CASE_PROBLEMS,
  ...BOARD_PROBLEMS,
  ...DELIBERATION_PROBLEMS,
  ...REGISTRY_PROBLEMS,
  ...VOTE_PROBLEMS,
  ...FORM_PROBLEMS,
  ...FORM_FOLLOWUP_PROBLEMS,
  ...OPEN_PROBLEMS,
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please sign in' },
  session_expired: { 'zh-CN': '登录已超时,请重新登录', en: 'Your session timed out; please sign in again' },
  forbidden: { 'zh-CN': '您没有权限执行此操作', en: 'You are not allowed to do this' },
  not_found: { 'zh-CN': '找不到该资源', en: 'Not found' },
  csrf_failed: { 'zh-CN': '请求校验失败,请刷新页面后重试', en: 'Request verification failed; reload the page' },
  validation_failed: { 'zh-CN': '提交的内容有误', en: 'Some fields are invalid' },
  malformed_json: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  payload_too_large: { 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  file_too_large: { 'zh-CN': '文件过大,最大 {maxMb} MB', en: 'The file is too large (at most {maxMb} MB)' },
  file_empty: { 'zh-CN': '没有收到文件内容', en: 'The file is empty' },
  image_invalid: {
    'zh-CN': '图片已损坏或不完整,请重新拍摄或选择',
    en: 'The image is damaged or incomplete; take or choose it again',
  },
  rate_limited: { 'zh-CN': '操作过于频繁,请稍后再试', en: 'Too many attempts; try again later' },
  database_unavailable: {
    'zh-CN': '数据库暂时不可用,请稍后再试',
    en: 'The database is unavailable; try again shortly',
  },
  internal_error: { 'zh-CN': '服务器出错了,请稍后再试', en: 'Something went wrong on our side' },
  invalid_credentials: { 'zh-CN': '手机号或密码错误', en: 'Wrong phone number or password' },
  account_locked: {
    'zh-CN': '连续登录失败次数过多,账号已锁定,请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  wrong_current_password: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  password_reused: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  version_conflict: {
    'zh-CN': '该记录已被他人修改或处理,请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  conflict: {
    'zh-CN': '与已有记录冲突,请刷新后重试',
    en: 'This conflicts with an existing record; reload and try again',
  },
  already_decided: { 'zh-CN': '该申请已被处理', en: 'This application has already been decided' },
  join_link_invalid: {
    'zh-CN': '加入链接无效或已更换,请向社区索取新的二维码',
    en: 'This join link is invalid or was replaced; ask the committee for the new QR code',
  },
  phone_registered: {
    'zh-CN': '该手机号已注册,请先登录再申请',
    en: 'This phone number is registered; sign in first, then apply',
  },
  already_applied: {
    'zh-CN': '该身份证号已申请或已加入本社区',
    en: 'This ID number has already applied to or joined this community',
  },
  password_required: { 'zh-CN': '请设置登录密码', en: 'Choose a password for your account' },
  address_required: { 'zh-CN': '请选择或填写住址', en: 'Pick or enter your address' },
  node_type_not_allowed: { 'zh-CN': '不能在此节点下创建该类型', en: 'That type cannot be created under this node' },
  code_taken: { 'zh-CN': '该编码已被使用', en: 'This code is already used' },
  node_not_empty: {
    'zh-CN': '该节点下还有下级、人员或角色,不能删除',
    en: 'This node still has children, people or roles',
  },
  cannot_delete_root: { 'zh-CN': '不能删除您所在的最高节点', en: 'You cannot delete the node you act at' },
  role_not_grantable: { 'zh-CN': '您不能授予该角色', en: 'You may not grant this role' },
  node_out_of_scope: { 'zh-CN': '该节点不在您的管辖范围内', en: 'That node is outside your area' },
  role_not_allowed_at_node_type: {
    'zh-CN': '该角色不能授予在此类节点上',
    en: 'This role cannot be granted at this kind of node',
  },
  grant_exists: { 'zh-CN': '该用户已在此节点拥有该角色', en: 'The user already holds this role here' },
  department_required: { 'zh-CN': '部门人员须指定所属部门', en: 'Department staff need a department' },
  grant_self_revoke: { 'zh-CN': '不能撤销自己的角色', en: 'You cannot revoke your own role' },
};

/** Field-level messages by code (validation keywords and domain rules). */
export const FIELD: Catalog = {
  ...CASE_FIELDS,
  ...BOARD_FIELDS,
  ...DELIBERATION_FIELDS,
  ...REGISTRY_FIELDS,
  ...OPEN_FIELDS,
  ...VOTE_FIELDS,
  ...FORM_FIELDS,
  ...FORM_FOLLOWUP_FIELDS,
  required: { 'zh-CN': '必填', en: 'is required' },
  type: { 'zh-CN': '类型不正确', en: 'has the wrong type' },
  format: { 'zh-CN': '格式不正确', en: 'is malformed' },
  pattern: { 'zh-CN': '格式不正确', en: 'is malformed' },
  minLength: { 'zh-CN': '太短', en: 'is too short' },
  maxLength: { 'zh-CN': '太长', en: 'is too long' },
  minimum: { 'zh-CN': '太小', en: 'is too small' },
  maximum: { 'zh-CN': '太大', en: 'is too large' },
  enum: { 'zh-CN': '不是允许的取值', en: 'is not an allowed value' },
  const: { 'zh-CN': '不是允许的取值', en: 'is not an allowed value' },
  anyOf: { 'zh-CN': '不是允许的取值', en: 'is not an allowed value' },
  additionalProperties: { 'zh-CN': '不允许的字段', en: 'is not an allowed field' },
  invalid_phone: { 'zh-CN': '手机号格式不正确(11 位手机号)', en: 'must be an 11-digit mobile number' },
  invalid_id_number: {
    'zh-CN': '身份证号码无效(请核对出生日期和最后一位校验码)',
    en: 'is not a valid ID number (check the birth date and the last character)',
  },
  password_too_short: { 'zh-CN': '密码至少 8 位', en: 'must be at least 8 characters' },
  password_too_simple: {
    'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少 3 种',
    en: 'must mix at least 3 of: lower case, upper case, digits, symbols',
  },
  password_too_long: { 'zh-CN': '密码太长', en: 'is too long' },
  password_required: { 'zh-CN': '请设置登录密码', en: 'is required for a new account' },
  address_required: { 'zh-CN': '请选择或填写住址', en: 'is required' },
  address_outside_community: { 'zh-CN': '该住址不属于本社区', en: 'is not in this community' },
  address_not_pickable: { 'zh-CN': '请选择到楼栋、单元或房间', en: 'must be a building, unit or room' },
  code_invalid: { 'zh-CN': '编码不符合国家标准', en: 'does not follow the national code rules' },
  code_taken: { 'zh-CN': '该编码已被使用', en: 'is already used' },
  kind_invalid: { 'zh-CN': '类别与节点类型不符', en: 'does not fit the node type' },
  node_type_not_allowed: { 'zh-CN': '不能在此节点下创建该类型', en: 'cannot be created under this parent' },
  phone_taken: { 'zh-CN': '该手机号已注册', en: 'is already registered' },
  not_found: { 'zh-CN': '不存在', en: 'does not exist' },
  calendar_invalid: {
    'zh-CN': '日历设置有误(日期、重复或时段冲突)',
    en: 'is not a valid calendar entry (dates, duplicates or overlapping hours)',
  },
  limit_invalid: {
    'zh-CN': '时限须大于 0,按日计算时须为整数',
    en: 'must be positive, and whole for day limits',
  },
};

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function problemText(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = PROBLEMS[code];
  const text = entry ? entry[lang] : code;
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

export const fieldText = (code: string, lang: Lang): string => FIELD[code]?.[lang] ?? FIELD.format![lang];
