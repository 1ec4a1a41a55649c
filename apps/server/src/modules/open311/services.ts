/**
 * Open311 services are Linli's leaf case categories (those still in use): `service_code` is the category
 * code (SJ0101 …), `group` the parent category. Every service takes the `public` attribute; a 部件
 * (city component) service also requires the component number printed on the asset (部件编号), which the
 * handling department needs to find it.
 */
import type { Db } from '../../platform/db/engine.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import * as categories from '../categories/service.ts';

export type Category = Awaited<ReturnType<typeof categories.allCategories>>[number];

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

/** Active categories with no active child: the ones a case can be filed under. */
export async function leafCategories(tx: Db): Promise<{ leaves: Category[]; all: Category[] }> {
  const all = await categories.allCategories(tx);
  const parents = new Set(all.filter((c) => c.active && c.parentId).map((c) => c.parentId));
  return { leaves: all.filter((c) => c.active && !parents.has(c.id)), all };
}

export async function serviceByCode(tx: Db, code: string): Promise<Category | null> {
  const { leaves } = await leafCategories(tx);
  return leaves.find((c) => c.code === code) ?? null;
}

const label = (c: Category, lang: Lang) => (lang === 'en' ? c.nameEn : c.name);

export function attributesOf(c: Category, lang: Lang): Attribute[] {
  const en = lang === 'en';
  const out: Attribute[] = [
    {
      variable: true,
      code: 'public',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: en ? 'true or false' : 'true 或 false',
      order: 1,
      description: en
        ? "Show the report on the community's public board (default: no)"
        : '是否在社区公开栏展示(默认不公开)',
      values: [
        { key: 'true', name: en ? 'Public' : '公开' },
        { key: 'false', name: en ? 'Not public' : '不公开' },
      ],
    },
  ];
  if (c.kind === 'part')
    out.push({
      variable: true,
      code: 'part_code',
      datatype: 'string',
      required: true,
      datatype_description: en ? 'up to 40 letters, digits or dashes' : '不超过 40 位字母、数字或连字符',
      order: 2,
      description: en ? 'Component number on the asset plate' : '部件编号(部件标牌上的编码)',
    });
  return out;
}

export async function serviceList(tx: Db, lang: Lang) {
  const { leaves, all } = await leafCategories(tx);
  const byId = new Map(all.map((c) => [c.id, c]));
  return leaves.map((c) => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    return {
      service_code: c.code,
      service_name: label(c, lang),
      description: parent ? `${label(parent, lang)} / ${label(c, lang)}` : label(c, lang),
      metadata: true,
      type: 'realtime',
      keywords: [c.name, c.nameEn, c.code].join(','),
      group: parent ? label(parent, lang) : label(c, lang),
    };
  });
}

export const serviceDefinition = (c: Category, lang: Lang) => ({
  service_code: c.code,
  attributes: attributesOf(c, lang),
});
