import { api } from '@linli/contracts';
import { Button, Checkbox, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useFormsUiT } from '../../i18n/forms-ui.ts';
import { tid } from '../../shared/testid.ts';
import { useCollectionT } from './i18n.ts';

type Field = api.forms.FormFieldT;
type Binding = api.forms.BindingT;
type Column = NonNullable<Field['columns']>[number];
export interface TagOption {
  code: string;
  name: string;
  sensitive: boolean;
}

const COUNT_KINDS = ['people', 'households', 'tag_count', 'age_count', 'floor_area'] as const;
export const splitOptions = (s: string) =>
  s
    .split(/[、,,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A tag_list table's columns are the registry's: the server accepts exactly these (text). */
export const listColumns = (name: string, address: string): Column[] => [
  { key: 'name', label: name, type: 'text' },
  { key: 'address', label: address, type: 'text' },
];

/** The columns of a table field: key, label, type (text/number/date/choice), options, required. */
export function ColumnsEditor({
  index,
  columns,
  locked,
  onChange,
}: {
  index: number;
  columns: Column[];
  locked: boolean;
  onChange: (c: Column[]) => void;
}) {
  const t = useCollectionT();
  const u = useFormsUiT();
  if (locked) return <Tag color="blue">{u('designer.listColumns')}</Tag>;
  const set = (j: number, patch: Partial<Column>) =>
    onChange(
      columns.map((c, k) => {
        if (k !== j) return c;
        const next: Column = { ...c, ...patch };
        if (next.type === 'choice') next.options ??= [];
        else delete next.options;
        if (!next.required) delete next.required;
        return next;
      }),
    );
  const nextKey = () => `c${Math.max(0, ...columns.map((c) => Number(c.key.slice(1)) || 0)) + 1}`;
  return (
    <div style={{ background: '#fafafa', padding: 8, borderRadius: 6 }} {...tid(`designer-columns-${index}`)}>
      <div style={{ marginBottom: 4, color: '#666' }}>{u('designer.columns')}</div>
      {columns.map((c, j) => (
        <Space key={c.key} wrap style={{ display: 'flex', marginBottom: 6 }} {...tid(`designer-column-${index}-${j}`)}>
          <Input
            style={{ width: 80 }}
            value={c.key}
            title={u('designer.keyHint')}
            onChange={(e) => set(j, { key: e.target.value.toLowerCase().replace(/[^a-z0-9_]/g, '') })}
            {...tid(`designer-column-key-${index}-${j}`)}
          />
          <Input
            style={{ width: 150 }}
            placeholder={u('designer.column')}
            value={c.label}
            onChange={(e) => set(j, { label: e.target.value })}
            {...tid(`designer-column-label-${index}-${j}`)}
          />
          <Select
            style={{ width: 96 }}
            value={c.type}
            onChange={(type) => set(j, { type })}
            options={api.forms.SUB_FIELD_TYPES.map((x) => ({ value: x, label: t(`types.${x}`) }))}
            {...tid(`designer-column-type-${index}-${j}`)}
          />
          {c.type === 'choice' && (
            <Input
              style={{ width: 180 }}
              placeholder={u('designer.columnOptions')}
              value={(c.options ?? []).join('、')}
              onChange={(e) => set(j, { options: splitOptions(e.target.value) })}
              {...tid(`designer-column-options-${index}-${j}`)}
            />
          )}
          <Checkbox checked={!!c.required} onChange={(e) => set(j, { required: e.target.checked })}>
            {u('designer.columnRequired')}
          </Checkbox>
          <Button
            size="small"
            danger
            disabled={columns.length === 1}
            onClick={() => onChange(columns.filter((_, k) => k !== j))}
          >
            {t('remove')}
          </Button>
        </Space>
      ))}
      <Button
        size="small"
        onClick={() => onChange([...columns, { key: nextKey(), label: '', type: 'text' }])}
        {...tid(`designer-add-column-${index}`)}
      >
        {u('designer.addColumn')}
      </Button>
    </div>
  );
}

/** showIf: an earlier field has a value, or (a choice) equals one of its options. */
export function ConditionEditor({
  index,
  field,
  earlier,
  onChange,
}: {
  index: number;
  field: Field;
  earlier: Field[];
  onChange: (s: Field['showIf']) => void;
}) {
  const u = useFormsUiT();
  const source = earlier.find((e) => e.key === field.showIf?.field);
  return (
    <Space wrap>
      <span style={{ color: '#666' }}>{u('designer.condition')}</span>
      <Select
        style={{ width: 220 }}
        value={field.showIf?.field ?? ''}
        onChange={(k) => onChange(k ? { field: k } : undefined)}
        options={[
          { value: '', label: u('designer.always') },
          ...earlier.map((e) => ({
            value: e.key,
            label: u('designer.whenFilled', { label: e.label || u('designer.unnamed') }),
          })),
        ]}
        {...tid(`designer-condition-${index}`)}
      />
      {source?.options && (
        <Select
          style={{ width: 180 }}
          value={field.showIf?.equals === undefined ? '' : String(field.showIf.equals)}
          onChange={(v) => onChange(v ? { field: source.key, equals: v } : { field: source.key })}
          options={[
            { value: '', label: u('designer.anyValue') },
            ...source.options.map((o) => ({ value: o, label: u('designer.equals', { option: o }) })),
          ]}
          {...tid(`designer-condition-equals-${index}`)}
        />
      )}
      {source && !source.options && <span>{u('designer.anyValue')}</span>}
    </Space>
  );
}

/** Bindings: counts for a number, the list of a tag's people for a table. */
export function BindingEditor({
  index,
  field,
  tags,
  onChange,
}: {
  index: number;
  field: Field;
  tags: TagOption[];
  onChange: (b: Binding | undefined) => void;
}) {
  const t = useCollectionT();
  const u = useFormsUiT();
  const kinds = field.type === 'table' ? (['tag_list'] as const) : COUNT_KINDS;
  const b = field.binding;
  const tagOptions = tags.map((x) => ({
    value: x.code,
    label: x.sensitive ? `${x.name}(${u('designer.sensitive')})` : x.name,
  }));
  const of = (kind: Binding['kind']): Binding =>
    kind === 'tag_count' || kind === 'tag_list'
      ? { kind, tag: tags[0]?.code ?? '' }
      : kind === 'age_count'
        ? { kind, minAge: 60 }
        : { kind };
  return (
    <Space wrap>
      <Select
        style={{ width: 220 }}
        value={b?.kind ?? ''}
        onChange={(k) => onChange(k ? of(k as Binding['kind']) : undefined)}
        options={[{ value: '', label: t('none') }, ...kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        {...tid(`designer-binding-${index}`)}
      />
      {(b?.kind === 'tag_count' || b?.kind === 'tag_list') && (
        <Select
          style={{ width: 200 }}
          showSearch
          optionFilterProp="label"
          placeholder={u('designer.tagPick')}
          value={b.tag || undefined}
          onChange={(tag) => onChange({ kind: b.kind, tag })}
          options={tagOptions}
          {...tid(`designer-binding-tag-${index}`)}
        />
      )}
      {b?.kind === 'age_count' && (
        <span
          style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
          {...tid(`designer-binding-age-${index}`)}
        >
          <InputNumber
            min={0}
            max={120}
            precision={0}
            style={{ width: 90 }}
            value={b.minAge}
            onChange={(v) => onChange({ kind: 'age_count', minAge: Number(v ?? 0) })}
          />
          <span>{u('designer.years')}</span>
        </span>
      )}
      {b && <Tag color="green">{u('designer.boundHint')}</Tag>}
    </Space>
  );
}
