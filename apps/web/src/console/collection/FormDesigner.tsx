import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Input, message, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useFormsUiT } from '../../i18n/forms-ui.ts';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { BindingEditor, ColumnsEditor, ConditionEditor, listColumns, splitOptions } from './FieldParts.tsx';
import { useCollectionT } from './i18n.ts';

type Field = api.forms.FormFieldT;
type Overlap = RouteOutput<typeof api.forms.formOverlap>;
const FIRST: Field[] = [{ key: 'f1', label: '', type: 'number' }];

/** Field errors of a 422 by field index (`/fields/3/binding/tag` → 3); the rest are the form's. */
function errorsByField(e: unknown): { fields: Record<number, string[]>; other: string[] } {
  const out = { fields: {} as Record<number, string[]>, other: [] as string[] };
  if (!isApiError(e)) return out;
  for (const fe of e.errors) {
    const m = /^\/fields\/(\d+)/.exec(fe.path);
    if (!m) {
      out.other.push(fe.message);
      continue;
    }
    const i = Number(m[1]);
    out.fields[i] = [...(out.fields[i] ?? []), fe.message];
  }
  return out;
}

/** Design a form at the acting node: every field type, conditions, registry bindings, the duplicate check. */
export function FormDesigner({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useCollectionT();
  const u = useFormsUiT();
  const { acting, allowed } = useActing();
  const canBind = allowed('registry.stats');
  const tags = useQuery({
    queryKey: ['registry-tags'],
    queryFn: () => call(api.registry.listTags, {}),
    enabled: open && canBind,
  });
  const tagOptions = (tags.data?.items ?? []).filter((x) => x.active && !x.derived);
  const [title, setTitle] = useState('');
  const [fields, setFields] = useState<Field[]>(FIRST);
  const [overlap, setOverlap] = useState<Overlap | null>(null);
  const [errors, setErrors] = useState<{ fields: Record<number, string[]>; other: string[] }>({
    fields: {},
    other: [],
  });
  const [busy, setBusy] = useState(false);
  const clean = (f: Field) => cleanField(f, [u('designer.listName'), u('designer.listAddress')]);
  const set = (i: number, patch: Partial<Field>) => {
    setOverlap(null);
    setErrors({ fields: {}, other: [] });
    setFields(fields.map((f, j) => (j === i ? clean({ ...f, ...patch }) : f)));
  };
  const remove = (i: number) => {
    const gone = fields[i]!.key;
    // A condition on the removed field would name a field that no longer exists.
    setFields(
      fields.filter((_, j) => j !== i).map((f) => (f.showIf?.field === gone ? clean({ ...f, showIf: undefined }) : f)),
    );
    setErrors({ fields: {}, other: [] });
  };
  const nextKey = () => `f${Math.max(0, ...fields.map((f) => Number(f.key.slice(1)) || 0)) + 1}`;

  const check = async () => {
    try {
      setOverlap(await call(api.forms.formOverlap, { body: { ownerNodeId: acting.nodeId, fields } }));
    } catch (e) {
      setErrors(errorsByField(e));
      message.error(errorText(e));
    }
  };
  const save = async () => {
    setBusy(true);
    try {
      const f = await call(api.forms.createForm, { body: { ownerNodeId: acting.nodeId, title, fields } });
      message.success(t('saved'));
      setTitle('');
      setFields(FIRST);
      setOverlap(null);
      setErrors({ fields: {}, other: [] });
      onSaved(f.id);
    } catch (e) {
      setErrors(errorsByField(e));
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size="min(880px, 100vw)" title={t('design')} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} {...tid('form-designer')}>
        <Input
          placeholder={t('formTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={80}
          {...tid('designer-title')}
        />
        {errors.other.map((m) => (
          <Alert key={m} type="error" showIcon message={m} />
        ))}
        {fields.map((f, i) => {
          const o = overlap?.fields.find((x) => x.key === f.key);
          const bindable = canBind && (f.type === 'number' || f.type === 'table');
          return (
            <div
              key={f.key}
              style={{
                border: `1px solid ${errors.fields[i] ? '#ff4d4f' : '#eee'}`,
                borderRadius: 6,
                padding: 8,
                display: 'flex',
                flexDirection: 'column',
                gap: 6,
              }}
              {...tid(`designer-field-${i}`)}
            >
              <Space wrap>
                <Input
                  style={{ width: 220 }}
                  placeholder={t('label')}
                  value={f.label}
                  onChange={(e) => set(i, { label: e.target.value })}
                  {...tid(`designer-label-${i}`)}
                />
                <Select
                  style={{ width: 110 }}
                  value={f.type}
                  // Eleven types: all rendered (not virtual), so each can be found and scrolled to.
                  virtual={false}
                  listHeight={360}
                  onChange={(v) => set(i, { type: v })}
                  options={api.forms.FIELD_TYPES.map((x) => ({ value: x, label: t(`types.${x}`) }))}
                  {...tid(`designer-type-${i}`)}
                />
                {!f.binding && (
                  <Checkbox
                    checked={!!f.required}
                    onChange={(e) => set(i, { required: e.target.checked || undefined })}
                    {...tid(`designer-required-${i}`)}
                  >
                    {t('required')}
                  </Checkbox>
                )}
                <Button size="small" danger onClick={() => remove(i)} disabled={fields.length === 1}>
                  {t('remove')}
                </Button>
              </Space>
              {(f.type === 'choice' || f.type === 'multi_choice') && (
                <Input
                  placeholder={t('options')}
                  value={(f.options ?? []).join('、')}
                  onChange={(e) => set(i, { options: splitOptions(e.target.value) })}
                  {...tid(`designer-options-${i}`)}
                />
              )}
              {bindable && (
                <BindingEditor
                  index={i}
                  field={f}
                  tags={tagOptions}
                  onChange={(binding) =>
                    // Leaving a tag list: its registry columns give way to an empty one to design.
                    set(i, {
                      binding,
                      ...(f.binding?.kind === 'tag_list' && binding?.kind !== 'tag_list' ? { columns: undefined } : {}),
                    })
                  }
                />
              )}
              {f.type === 'table' && (
                <ColumnsEditor
                  index={i}
                  columns={f.columns ?? []}
                  locked={f.binding?.kind === 'tag_list'}
                  onChange={(columns) => set(i, { columns })}
                />
              )}
              {i > 0 && !f.binding && (
                <ConditionEditor
                  index={i}
                  field={f}
                  earlier={fields.slice(0, i)}
                  onChange={(showIf) => set(i, { showIf })}
                />
              )}
              {(errors.fields[i] ?? []).map((m) => (
                <Alert key={m} type="error" showIcon message={m} {...tid(`designer-error-${i}`)} />
              ))}
              {o?.registry && !o.alreadyBound && (
                <Alert
                  type="success"
                  showIcon
                  message={t('registryHas', { what: t(`kinds.${o.registry.kind}`) })}
                  action={
                    <Button
                      size="small"
                      onClick={() => set(i, { type: 'number', binding: o.registry!, showIf: undefined })}
                      {...tid(`designer-reuse-${i}`)}
                    >
                      {t('reuse')}
                    </Button>
                  }
                />
              )}
              {o && o.earlier.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('askedBefore', { forms: [...new Set(o.earlier.map((e) => e.title))].join('、') })}
                />
              )}
            </div>
          );
        })}
        <Space wrap>
          <Button
            onClick={() => setFields([...fields, { key: nextKey(), label: '', type: 'text' }])}
            {...tid('designer-add')}
          >
            {t('addField')}
          </Button>
          <Button onClick={() => void check()} {...tid('designer-check')}>
            {t('check')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void save()} {...tid('designer-save')}>
            {t('save')}
          </Button>
        </Space>
        {overlap?.fields.every((x) => !x.registry && x.earlier.length === 0) && (
          <Tag color="green">{t('noOverlap')}</Tag>
        )}
      </Space>
    </Drawer>
  );
}

/**
 * Keep a field what its type takes: options on choices, columns on tables (a tag list's are the registry's),
 * a count binding on numbers and a list binding on tables; a bound field is never conditional nor required.
 */
function cleanField(f: Field, [name, address]: [string, string]): Field {
  const out: Field = { ...f };
  if (out.type !== 'choice' && out.type !== 'multi_choice') delete out.options;
  else out.options ??= [];
  if (out.type !== 'table') delete out.columns;
  else out.columns ??= [{ key: 'c1', label: '', type: 'text' }];
  const fits = out.binding && (out.binding.kind === 'tag_list' ? out.type === 'table' : out.type === 'number');
  if (!fits) delete out.binding;
  if (out.binding?.kind === 'tag_list') out.columns = listColumns(name, address);
  if (out.binding) {
    delete out.showIf;
    delete out.required;
  }
  if (!out.showIf) delete out.showIf;
  if (!out.required) delete out.required;
  return out;
}
