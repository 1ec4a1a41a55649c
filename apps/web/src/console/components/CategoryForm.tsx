import { api, type TimeLimitUnit } from '@linli/contracts';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { type Category, fieldOfPath, STAGES, type Stage, TIME_LIMIT_UNITS } from './limits.ts';

interface Values {
  name: string;
  nameEn: string;
  defaultLevel: Category['defaultLevel'];
  defaultDepartmentCode?: string | null;
  limits: Record<Stage, { value?: number | null; unit: TimeLimitUnit }>;
  yellowPct: number;
  urgent: boolean;
  autoEscalate: boolean;
  active: boolean;
}

const toValues = (c: Category): Values => ({
  name: c.name,
  nameEn: c.nameEn,
  defaultLevel: c.defaultLevel,
  defaultDepartmentCode: c.defaultDepartmentCode,
  limits: Object.fromEntries(
    STAGES.map((s) => [s, { value: c.limits[s]?.value ?? null, unit: c.limits[s]?.unit ?? 'working_hours' }]),
  ) as Values['limits'],
  yellowPct: Math.round(c.yellowAt * 100),
  urgent: c.urgent,
  autoEscalate: c.autoEscalate,
  active: c.active,
});

const isFormInvalid = (e: unknown): boolean => typeof e === 'object' && e !== null && 'errorFields' in e;

/** Edits one category; saves with its `version` (a 409 means someone else saved first). */
export function CategoryForm({ category, onSaved }: { category: Category; onSaved: (c: Category) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch (e) {
      if (isFormInvalid(e)) return;
      throw e;
    }
    const limits = Object.fromEntries(
      STAGES.flatMap((s) => {
        const l = v.limits[s];
        return l?.value === null || l?.value === undefined ? [] : [[s, { value: l.value, unit: l.unit }]];
      }),
    );
    setBusy(true);
    try {
      const saved = await call(api.categories.updateCategory, {
        params: { id: category.id },
        body: {
          version: category.version,
          name: v.name.trim(),
          nameEn: v.nameEn.trim(),
          defaultLevel: v.defaultLevel,
          defaultDepartmentCode: v.defaultDepartmentCode?.trim() || null,
          limits,
          yellowAt: v.yellowPct / 100,
          urgent: v.urgent,
          autoEscalate: v.autoEscalate,
          active: v.active,
        },
      });
      message.success(t('categories.saved'));
      onSaved(saved);
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') setError(t('categories.conflict'));
      else if (isApiError(e) && e.errors.length > 0) {
        form.setFields(
          e.errors.map((fe) => ({
            name: fieldOfPath(fe.path, { yellowAt: 'yellowPct' }) as never,
            errors: [fe.message],
          })),
        );
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ span: 7 }}
      initialValues={toValues(category)}
      {...tid('category-form')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} {...tid('category-error')} />}
      <Form.Item name="name" label={t('categories.name')} rules={[{ required: true, max: 40 }]}>
        <Input {...tid('category-name')} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('categories.nameEn')} rules={[{ required: true, max: 40 }]}>
        <Input {...tid('category-name-en')} />
      </Form.Item>
      <Form.Item name="defaultLevel" label={t('categories.level')}>
        <Select
          options={api.categories.CASE_LEVELS.map((l) => ({ value: l, label: t(`categories.levels.${l}`) }))}
          {...tid('category-level')}
        />
      </Form.Item>
      <Form.Item name="defaultDepartmentCode" label={t('categories.department')}>
        <Input allowClear maxLength={20} {...tid('category-department')} />
      </Form.Item>
      {STAGES.map((s) => (
        <Form.Item key={s} label={t(`categories.stage.${s}`)}>
          <Space.Compact>
            <Form.Item name={['limits', s, 'value']} noStyle>
              <InputNumber
                min={0}
                max={100000}
                placeholder={t('categories.noLimit')}
                style={{ width: 110 }}
                {...tid(`category-limit-${s}-value`)}
              />
            </Form.Item>
            <Form.Item name={['limits', s, 'unit']} noStyle>
              <Select
                style={{ width: 120 }}
                options={TIME_LIMIT_UNITS.map((u) => ({ value: u, label: t(`categories.units.${u}`) }))}
                {...tid(`category-limit-${s}-unit`)}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      ))}
      <Form.Item name="yellowPct" label={t('categories.yellowAt')} tooltip={t('categories.yellowHint')}>
        <InputNumber min={1} max={99} suffix="%" style={{ width: 110 }} {...tid('category-yellow')} />
      </Form.Item>
      <Form.Item name="urgent" label={t('categories.urgent')} valuePropName="checked">
        <Switch {...tid('category-urgent')} />
      </Form.Item>
      <Form.Item
        name="autoEscalate"
        label={t('categories.autoEscalate')}
        tooltip={t('categories.autoEscalateHint')}
        valuePropName="checked"
      >
        <Switch {...tid('category-auto-escalate')} />
      </Form.Item>
      <Form.Item name="active" label={t('categories.active')} valuePropName="checked">
        <Switch {...tid('category-active')} />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 7 }}>
        <Button type="primary" loading={busy} onClick={() => void save()} {...tid('category-save')}>
          {t('common.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}
