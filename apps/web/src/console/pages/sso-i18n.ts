/**
 * The single sign-on button's strings, added to the `translation` bundle under `sso.*` at load time rather
 * than through zh-CN.ts/en.ts (whose typed key union is at TypeScript's instantiation-depth limit).
 */
import { useTranslation } from 'react-i18next';
import i18n from '../../shared/i18n.ts';

const zhCN = {
  button: '政务统一身份认证登录',
  or: '或使用手机号和密码登录',
  error: {
    sso_state_invalid: '统一身份认证登录已失效或被重复使用,请重新登录',
    sso_failed: '统一身份认证登录失败,请重试或使用密码登录',
    sso_unknown_account: '该统一身份认证账号未关联本系统账号,请联系区级管理员',
    sso_not_staff: '统一身份认证登录仅限工作人员使用',
    account_locked: '账号已锁定,请稍后再试',
    other: '统一身份认证登录失败',
  },
};
type SsoMessages = typeof zhCN;
const en: SsoMessages = {
  button: 'Sign in with government single sign-on',
  or: 'or sign in with your phone number and password',
  error: {
    sso_state_invalid: 'The single sign-on attempt expired or was already used; sign in again',
    sso_failed: 'Single sign-on failed; try again or sign in with your password',
    sso_unknown_account:
      'This single sign-on account is not linked to a Linli account; ask your district administrator',
    sso_not_staff: 'Single sign-on is for staff accounts only',
    account_locked: 'The account is locked; try again later',
    other: 'Single sign-on failed',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { sso: zhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { sso: en }, true, false);

/** `t` for `sso.*` keys; an unknown error code reads as `sso.error.other`. */
export function useSsoT() {
  const { t } = useTranslation();
  const loose = t as unknown as (key: string) => string;
  return {
    button: () => loose('sso.button'),
    or: () => loose('sso.or'),
    error: (code: string) => loose(`sso.error.${code in zhCN.error ? code : 'other'}`),
  };
}
