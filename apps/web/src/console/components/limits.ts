import { api, type RouteOutput, TIME_LIMIT_UNITS, type TimeLimit } from '@linli/contracts';
import type { TFunction } from 'i18next';
import { call } from '../../shared/api.ts';

export type Category = RouteOutput<typeof api.categories.listCategories>['items'][number];
export const STAGES = ['accept', 'handle', 'check'] as const;
export type Stage = (typeof STAGES)[number];
export { TIME_LIMIT_UNITS };

/** "4 工作时", "5 工作日", "2 小时", "1 天"; a dash when the stage has no limit. */
export const limitText = (t: TFunction, l: TimeLimit | undefined): string =>
  l ? `${l.value} ${t(`categories.units.${l.unit}`)}` : '—';

export interface CategoryNode extends Category {
  children?: CategoryNode[];
}

/** The flat, ordered list as a tree by `parentId` (leaves have no `children`, so tables show no expander). */
export function categoryTree(items: readonly Category[]): CategoryNode[] {
  const byId = new Map<string, CategoryNode>(items.map((c) => [c.id, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = byId.get(c.id)!;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** The form field an API error path names: `/limits/handle/value` → `['limits', 'handle', 'value']`. */
export const fieldOfPath = (path: string, rename: Record<string, string> = {}): string[] => {
  const parts = path.split('/').filter(Boolean);
  const first = parts[0] ?? '';
  return [rename[first] ?? first, ...parts.slice(1)];
};

export const listQueryKey = ['case-categories', 'all'] as const;
export const fetchCategories = () => call(api.categories.listCategories, { query: { includeInactive: true } });
