import type { api } from '@linli/contracts';
import { Button, Input, Selector, Space, TextArea } from 'antd-mobile';
import { tid } from '../../shared/testid.ts';
import { type LatLng, LocationField } from '../cases/LocationField.tsx';
import { useFormT } from './i18n.ts';
import { PhotoField } from './PhotoField.tsx';
import { TargetPicker } from './Pickers.tsx';

type Field = api.forms.FormFieldT;
type Sub = NonNullable<Field['columns']>[number];
type Row = Record<string, unknown>;

/** One answer's editor, by field type; `onChange(undefined)` clears it. */
export function FieldInput({
  field,
  value,
  onChange,
  testId,
}: {
  field: Field | Sub;
  value: unknown;
  onChange: (v: unknown) => void;
  /** A table cell's editor is named by its row too. */
  testId?: string;
}) {
  const id = testId ?? `form-input-${field.key}`;
  const big = { '--font-size': '17px' } as React.CSSProperties;
  switch (field.type) {
    case 'number':
      return (
        <Input
          type="number"
          inputMode="decimal"
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(s) => onChange(s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s))}
          style={big}
          {...tid(id)}
        />
      );
    case 'date':
      return (
        <Input
          type="date"
          value={(value as string) ?? ''}
          onChange={(s) => onChange(s || undefined)}
          style={big}
          {...tid(id)}
        />
      );
    case 'choice':
      return (
        <Selector
          options={(field.options ?? []).map((o) => ({ label: o, value: o }))}
          value={value ? [value as string] : []}
          onChange={(v) => onChange(v[0])}
          {...tid(id)}
        />
      );
    case 'multi_choice':
      return (
        <Selector
          multiple
          options={(field.options ?? []).map((o) => ({ label: o, value: o }))}
          value={(value as string[]) ?? []}
          onChange={(v) => onChange(v.length ? v : undefined)}
          {...tid(id)}
        />
      );
    case 'location':
      return (
        <div {...tid(id)}>
          <LocationField value={(value as LatLng | undefined) ?? null} onChange={(v) => onChange(v ?? undefined)} />
          {value !== undefined && (
            <div style={{ color: '#666', marginTop: 4 }}>{`${(value as LatLng).lat}, ${(value as LatLng).lng}`}</div>
          )}
        </div>
      );
    case 'table':
      return <TableInput field={field as Field} value={(value as Row[]) ?? []} onChange={onChange} />;
    case 'text':
      return (
        <TextArea
          autoSize={{ minRows: 1, maxRows: 5 }}
          value={(value as string) ?? ''}
          onChange={(s) => onChange(s || undefined)}
          style={big}
          {...tid(id)}
        />
      );
    case 'person':
    case 'household':
    case 'building':
      return (
        <TargetPicker kind={field.type} fieldKey={field.key} value={value as string | undefined} onChange={onChange} />
      );
    case 'photo':
      return <PhotoField fieldKey={field.key} value={value as string | undefined} onChange={onChange} />;
  }
}

function TableInput({ field, value, onChange }: { field: Field; value: Row[]; onChange: (v: unknown) => void }) {
  const { t } = useFormT();
  const cols = field.columns ?? [];
  const setCell = (i: number, k: string, v: unknown) =>
    onChange(
      value.map((r, j) =>
        j === i ? Object.fromEntries(Object.entries({ ...r, [k]: v }).filter(([, x]) => x !== undefined)) : r,
      ),
    );
  return (
    <Space direction="vertical" block>
      {value.map((row, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          key={i}
          style={{ border: '1px solid #eee', borderRadius: 8, padding: 8 }}
          {...tid(`form-row-${field.key}-${i}`)}
        >
          <div style={{ color: '#999', marginBottom: 4 }}>{t('fill.row', { n: i + 1 })}</div>
          {cols.map((c) => (
            <div key={c.key} style={{ marginBottom: 6 }}>
              <div style={{ color: '#666' }}>{c.label}</div>
              <FieldInput
                field={c}
                value={row[c.key]}
                onChange={(v) => setCell(i, c.key, v)}
                testId={`form-input-${field.key}-${i}-${c.key}`}
              />
            </div>
          ))}
          <Button
            size="mini"
            color="danger"
            fill="none"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            {...tid(`form-remove-row-${field.key}-${i}`)}
          >
            {t('fill.removeRow')}
          </Button>
        </div>
      ))}
      <Button size="small" onClick={() => onChange([...value, {}])} {...tid(`form-add-row-${field.key}`)}>
        {t('fill.addRow')}
      </Button>
    </Space>
  );
}
