/**
 * The single sign-on links card's strings, added to the `translation` bundle under `ssoLinks.*` at load time
 * (the main key union is at TypeScript's instantiation-depth limit, see ./i18n.ts).
 */
import { useTranslation } from 'react-i18next';
import i18n from '../../shared/i18n.ts';

const zhCN = {
  title: '政务统一身份认证关联',
  hint: '工作人员首次使用统一身份认证登录时,按认证系统核验过的手机号自动关联;也可以在此预先关联其外部账号(用户标识 sub)。',
  add: '关联外部账号',
  phone: '工作人员手机号',
  subject: '外部用户标识(sub)',
  user: '工作人员',
  via: '关联方式',
  viaAdmin: '管理员预先关联',
  viaPhone: '首次登录按手机号',
  linkedAt: '关联时间',
  lastLogin: '最近登录',
  never: '从未登录',
  remove: '解除关联',
  removeConfirm: '解除后该外部账号不能再登录此账号,确定吗?',
  removed: '已解除关联',
  linked: '已关联',
  notStaff: '没有找到该手机号的工作人员',
  required: '请填写{{field}}',
  empty: '暂无关联',
};
type Messages = typeof zhCN;
const en: Messages = {
  title: 'Government single sign-on links',
  hint: 'A staff member’s first single sign-on links their account by the phone number the provider verified; you can also link their external account (its subject, sub) here in advance.',
  add: 'Link an external account',
  phone: 'Staff phone number',
  subject: 'External subject (sub)',
  user: 'Staff member',
  via: 'Linked by',
  viaAdmin: 'Administrator',
  viaPhone: 'First sign-in, phone number',
  linkedAt: 'Linked',
  lastLogin: 'Last sign-in',
  never: 'Never',
  remove: 'Unlink',
  removeConfirm: 'The external account will no longer sign in to this account. Continue?',
  removed: 'Unlinked',
  linked: 'Linked',
  notStaff: 'No staff member has this phone number',
  required: '{{field}} is required',
  empty: 'No links yet',
};

i18n.addResourceBundle('zh-CN', 'translation', { ssoLinks: zhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { ssoLinks: en }, true, false);

/** `t` for `ssoLinks.*` keys. */
export function useSsoLinksT() {
  const { t } = useTranslation();
  const loose = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key: keyof Messages, options?: Record<string, unknown>) => loose(`ssoLinks.${key}`, options);
}
