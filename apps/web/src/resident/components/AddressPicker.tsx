import type { api, RouteOutput } from '@linli/contracts';
import { Cascader, type CascaderOption } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

export type AddressNode = RouteOutput<typeof api.join.joinInfo>['addressTree'][number];

const PICKABLE = new Set(['building', 'unit', 'room']);

/** Building → unit → room options from the flat address list (grids are skipped; clashing names get the grid's). */
export function addressOptions(nodes: readonly AddressNode[]): CascaderOption[] {
  const byParent = new Map<string | null, AddressNode[]>();
  for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const toOption = (n: AddressNode, label = n.name): CascaderOption => {
    const kids = (byParent.get(n.id) ?? []).filter((c) => c.type === 'unit' || c.type === 'room');
    return { label, value: n.id, children: kids.length ? kids.map((c) => toOption(c)) : undefined };
  };
  const buildings = nodes.filter((n) => n.type === 'building');
  const clash = (name: string) => buildings.filter((b) => b.name === name).length > 1;
  return buildings.map((b) => {
    const grid = b.parentId ? byId.get(b.parentId) : undefined;
    return toOption(b, clash(b.name) && grid ? `${b.name}(${grid.name})` : b.name);
  });
}

/** Ids from the building down to the chosen node. */
function pathTo(nodes: readonly AddressNode[], id: string | undefined): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  let cur = id ? byId.get(id) : undefined;
  while (cur && PICKABLE.has(cur.type)) {
    out.unshift(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

interface Props {
  nodes: readonly AddressNode[];
  value?: string;
  onChange?: (id: string | undefined) => void;
}

/** A tappable field that opens a cascading building / unit / room chooser. */
export function AddressPicker({ nodes, value, onChange }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const options = useMemo(() => addressOptions(nodes), [nodes]);
  const path = useMemo(() => pathTo(nodes, value), [nodes, value]);
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const label = path.map((id) => names.get(id)).join(' ');
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        style={{
          all: 'unset',
          display: 'block',
          width: '100%',
          fontSize: 18,
          minHeight: 28,
          color: label ? '#333' : '#999',
          cursor: 'pointer',
        }}
        {...tid('join-address')}
      >
        {label || t('join.addressPlaceholder')}
      </button>
      <Cascader
        options={options}
        visible={open}
        value={path}
        title={t('join.addressPick')}
        confirmText={<span {...tid('address-confirm')}>{t('common.confirm')}</span>}
        cancelText={t('common.cancel')}
        placeholder={t('join.addressPick')}
        optionRender={(o) => <span {...tid(`address-option-${o.label}`)}>{o.label}</span>}
        onClose={() => setOpen(false)}
        onConfirm={(v) => {
          const last = v[v.length - 1];
          onChange?.(last === undefined || last === null ? undefined : String(last));
        }}
      />
    </>
  );
}
