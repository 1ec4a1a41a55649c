import { useTranslation } from 'react-i18next';
import zhCN from '../i18n/zh-CN.ts';

type Group = 'role' | 'nodeType' | 'kind' | 'status' | 'sex' | 'relation';

/** Localized names for codes the API sends as plain strings (roles, node types, kinds…); unknown codes show as is. */
export function useLabels() {
  const { t } = useTranslation();
  const label = (group: Group, code: string | null | undefined): string => {
    if (!code) return '';
    const known = Object.hasOwn(zhCN[group], code);
    return known ? (t(`${group}.${code}` as `role.resident`) as string) : code;
  };
  return {
    role: (r: string) => label('role', r),
    nodeType: (ty: string) => label('nodeType', ty),
    kind: (k: string | null | undefined) => label('kind', k),
    sex: (s: string) => label('sex', s),
    relation: (r: string) => label('relation', r),
  };
}
