import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { tid } from '../../shared/testid.ts';
import { type Category, fetchCategories, listQueryKey } from '../components/limits.ts';

export type { Category };

/** The category list (retired ones included), shared with the categories page's cache. */
export const useCategories = () => useQuery({ queryKey: listQueryKey, queryFn: fetchCategories, staleTime: 300_000 });

export interface CategoryOption {
  value: string;
  title: ReactNode;
  name: string;
  disabled?: boolean;
  selectable?: boolean;
  children?: CategoryOption[];
}

/**
 * Tree-select data; each title carries the test id `<stem>-option-<name>`. Retired categories are left out
 * when `activeOnly`; with `leavesOnly` only categories without children can be chosen.
 */
export function categoryOptions(
  items: readonly Category[],
  opts: { stem: string; english: boolean; activeOnly?: boolean; leavesOnly?: boolean },
): CategoryOption[] {
  const shown = opts.activeOnly ? items.filter((c) => c.active) : items;
  const byParent = new Map<string | null, Category[]>();
  const ids = new Set(shown.map((c) => c.id));
  for (const c of shown) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const build = (parent: string | null): CategoryOption[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      const name = opts.english ? c.nameEn : c.name;
      return {
        value: c.id,
        name: `${c.code} ${name}`,
        title: <span {...tid(`${opts.stem}-option-${c.name}`)}>{name}</span>,
        selectable: !(opts.leavesOnly && children.length > 0),
        children: children.length ? children : undefined,
      };
    });
  return build(null);
}

/** TreeSelect search by code or name. */
export const filterCategory = (input: string, node: { name?: string } | undefined): boolean =>
  (node?.name ?? '').toLowerCase().includes(input.trim().toLowerCase());
