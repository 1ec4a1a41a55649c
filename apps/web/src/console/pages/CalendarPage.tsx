import { api, checkCalendar, type RouteOutput, type WorkingCalendar } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { DateTags } from '../components/DateTags.tsx';

type District = RouteOutput<typeof api.calendar.getCalendar>;
type Field = 'weekend' | 'holidays' | 'workdays' | 'hours' | 'form';
type Errors = Partial<Record<Field, string[]>>;
const addError = (out: Errors, field: Field, msg: string) => {
  out[field] = [...(out[field] ?? []), msg];
};
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** 工作日历: the acting district's holidays, make-up working days, days off and working periods. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { acting } = useActing();
  // Materialized paths start at the district: `/1000/1001/` → `1000`.
  const districtId = acting.path.split('/').filter(Boolean)[0] ?? '';
  const query = useQuery({
    queryKey: ['calendar', districtId],
    queryFn: () => call(api.calendar.getCalendar, { params: { id: districtId } }),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('calendar-page')}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('console.menu.calendar')}
        </Typography.Title>
        <Button size="small" onClick={() => void query.refetch()} {...tid('calendar-reload')}>
          {t('calendar.reload')}
        </Button>
      </Space>
      {query.isPending ? (
        <Spin />
      ) : query.error ? (
        <Alert type="error" showIcon title={errorText(query.error)} />
      ) : (
        <CalendarEditor key={`${query.data.version}-${query.dataUpdatedAt}`} data={query.data} />
      )}
    </Space>
  );
}

function CalendarEditor({ data }: { data: District }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [cal, setCal] = useState<WorkingCalendar>(data.calendar);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<WorkingCalendar>) => setCal((c) => ({ ...c, ...patch }));
  const hours = cal.hours;

  const save = async () => {
    const problems = checkCalendar(cal);
    if (problems.length > 0) {
      const out: Errors = { form: [t('calendar.invalid')] };
      for (const p of problems) addError(out, p.field as Field, p.message);
      setErrors(out);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await call(api.calendar.putCalendar, {
        params: { id: data.districtId },
        body: {
          version: data.version,
          calendar: {
            ...cal,
            weekend: [...cal.weekend].sort(),
            holidays: [...cal.holidays],
            workdays: [...cal.workdays],
            hours: [...cal.hours],
          },
        },
      });
      message.success(t('calendar.saved'));
      qc.setQueryData(['calendar', data.districtId], saved);
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') setErrors({ form: [t('calendar.conflict')] });
      else if (isApiError(e) && e.errors.length > 0) {
        const out: Errors = { form: [errorText(e)] };
        for (const fe of e.errors) {
          const f = (fe.path.split('/')[2] ?? 'form') as Field;
          addError(out, f, fe.message);
        }
        setErrors(out);
      } else setErrors({ form: [errorText(e)] });
    } finally {
      setBusy(false);
    }
  };

  const item = (field: Field) => ({
    validateStatus: errors[field] ? ('error' as const) : undefined,
    help: errors[field] && <span {...tid(`calendar-${field}-error`)}>{errors[field].join('; ')}</span>,
  });

  return (
    <Card size="small">
      <Alert
        type={data.builtIn ? 'info' : 'success'}
        showIcon
        title={data.builtIn ? t('calendar.builtIn') : t('calendar.custom', { version: data.version })}
        style={{ marginBottom: 16 }}
        {...tid(data.builtIn ? 'calendar-builtin' : 'calendar-custom')}
      />
      {errors.form && (
        <Alert
          type="error"
          showIcon
          title={errors.form.join('; ')}
          style={{ marginBottom: 16 }}
          {...tid('calendar-error')}
        />
      )}
      <Form layout="horizontal" labelCol={{ flex: '120px' }} labelWrap>
        <Form.Item label={t('calendar.holidays')} {...item('holidays')}>
          <DateTags dates={cal.holidays} onChange={(holidays) => set({ holidays })} testId="calendar-holiday" />
        </Form.Item>
        <Form.Item label={t('calendar.workdays')} {...item('workdays')}>
          <DateTags dates={cal.workdays} onChange={(workdays) => set({ workdays })} testId="calendar-workday" />
        </Form.Item>
        <Form.Item label={t('calendar.weekend')} {...item('weekend')}>
          <Checkbox.Group
            value={[...cal.weekend]}
            onChange={(v) => set({ weekend: v as number[] })}
            options={WEEK_ORDER.map((d) => ({ value: d, label: t(`calendar.weekdays.d${d}`) }))}
            {...tid('calendar-weekend')}
          />
        </Form.Item>
        <Form.Item label={t('calendar.hours')} {...item('hours')}>
          <Space orientation="vertical" size="small">
            {hours.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity but their position
              <Space key={i}>
                <Input
                  value={p.from}
                  placeholder="09:00"
                  style={{ width: 90 }}
                  onChange={(e) => set({ hours: hours.map((h, j) => (j === i ? { ...h, from: e.target.value } : h)) })}
                  {...tid(`calendar-period-${i}-from`)}
                />
                –
                <Input
                  value={p.to}
                  placeholder="17:30"
                  style={{ width: 90 }}
                  onChange={(e) => set({ hours: hours.map((h, j) => (j === i ? { ...h, to: e.target.value } : h)) })}
                  {...tid(`calendar-period-${i}-to`)}
                />
                <Button
                  size="small"
                  disabled={hours.length <= 1}
                  onClick={() => set({ hours: hours.filter((_, j) => j !== i) })}
                  {...tid(`calendar-period-${i}-remove`)}
                >
                  {t('calendar.remove')}
                </Button>
              </Space>
            ))}
            <Button
              size="small"
              disabled={hours.length >= 12}
              onClick={() => set({ hours: [...hours, { from: '', to: '' }] })}
              {...tid('calendar-period-add')}
            >
              {t('calendar.addPeriod')}
            </Button>
          </Space>
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" loading={busy} onClick={() => void save()} {...tid('calendar-save')}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
