import { Button, Cascader, type CascaderOption, Selector, Toast } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

export interface CategoryItem {
  id: string;
  name: string;
  parentId: string | null;
  /** `self_governance` items are offered first; the QR report's list has no kinds. */
  kind?: string;
}

interface Props {
  items: readonly CategoryItem[];
  /** Test id stem: `<stem>-<name>` common-problem chips, `<stem>-more`, `<stem>-option-<name>`, `<stem>-confirm`. */
  testId: string;
  value?: string;
  onChange?: (id: string) => void;
}

function tree(items: readonly CategoryItem[]) {
  const kids = new Map<string | null, CategoryItem[]>();
  for (const c of items) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
  const ids = new Set(items.map((c) => c.id));
  // Roots: no parent, or a parent that is not in the list (retired branches are left out by the server).
  const roots = items
    .filter((c) => c.parentId === null || !ids.has(c.parentId))
    .sort((a, b) => Number(b.kind === 'self_governance') - Number(a.kind === 'self_governance'));
  const toOption = (c: CategoryItem): CascaderOption => {
    const children = kids.get(c.id);
    return { label: c.name, value: c.id, children: children?.map(toOption) };
  };
  const leavesOf = (c: CategoryItem): CategoryItem[] => {
    const children = kids.get(c.id) ?? [];
    return children.length ? children.flatMap(leavesOf) : [c];
  };
  const common = roots.some((r) => r.kind) ? roots.filter((r) => r.kind === 'self_governance') : roots.slice(0, 1);
  return { options: roots.map(toOption), common: common.flatMap(leavesOf), kids };
}

/** Everyday neighbourhood problems as big chips, and every other category in a two-level chooser. */
export function CategoryPicker({ items, testId, value, onChange }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { options, common, kids } = useMemo(() => tree(items), [items]);
  const byId = useMemo(() => new Map(items.map((c) => [c.id, c])), [items]);
  const chosen = value ? byId.get(value) : undefined;
  const isCommon = !!chosen && common.some((c) => c.id === chosen.id);
  const trail: string[] = [];
  for (let c = chosen; c; c = c.parentId ? byId.get(c.parentId) : undefined) trail.unshift(c.name);
  return (
    <div>
      <Selector
        columns={2}
        value={isCommon && value ? [value] : []}
        onChange={(v) => v[0] && onChange?.(v[0])}
        options={common.map((c) => ({ value: c.id, label: <span {...tid(`${testId}-${c.name}`)}>{c.name}</span> }))}
        style={{ '--padding': '10px 8px' }}
      />
      <Button block fill="outline" onClick={() => setOpen(true)} style={{ marginTop: 8 }} {...tid(`${testId}-more`)}>
        {chosen && !isCommon ? trail.join(' / ') : t('casesResident.report.moreCategories')}
      </Button>
      <Cascader
        options={options}
        visible={open}
        title={t('casesResident.report.category')}
        confirmText={<span {...tid(`${testId}-confirm`)}>{t('common.confirm')}</span>}
        cancelText={t('common.cancel')}
        placeholder={t('casesResident.report.pick')}
        optionRender={(o) => <span {...tid(`${testId}-option-${o.label}`)}>{o.label}</span>}
        onClose={() => setOpen(false)}
        onConfirm={(v) => {
          const last = v[v.length - 1];
          if (last === undefined || last === null) return;
          if (kids.get(String(last))?.length) {
            Toast.show({ content: t('casesResident.report.pickLeaf') });
            return;
          }
          onChange?.(String(last));
        }}
      />
    </div>
  );
}
