import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Progress,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import './import-i18n.ts';
import { type Preview, typeOf, uploadFile } from './import-upload.ts';

type Report = RouteOutput<typeof api.registryImports.runRegistryImport>;
const FIELDS = api.registryImports.REGISTRY_IMPORT_FIELDS;
const RUNNING = ['queued', 'running'];

/** 居民信息导入: upload, map columns, try it (row-level report), import all-or-nothing or valid rows only. */
export function ImportPage() {
  const { t, tx } = useRegistryT();
  const { message } = App.useApp();
  const { acting } = useActing();
  const communityId = acting.path.split('/').filter(Boolean)[2] ?? acting.nodeId;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [started, setStarted] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  // A long file is imported by the background job: its progress is polled until it is done.
  const polled = useQuery({
    queryKey: ['registry-import', started?.status, preview?.id],
    queryFn: () => call(api.registryImports.getRegistryImport, { params: { id: preview!.id } }),
    enabled: !!started && RUNNING.includes(started.status),
    refetchInterval: (q) => (q.state.data && !RUNNING.includes(q.state.data.status) ? false : 1000),
  });
  const report = started && RUNNING.includes(started.status) ? (polled.data ?? started) : started;
  const running = !!report && RUNNING.includes(report.status);
  const [form] = Form.useForm();

  const onFile = async (file: File) => {
    if (!typeOf(file)) return void message.error(t('import.hint'));
    setBusy(true);
    try {
      setSent(0);
      const p = await uploadFile(file, setSent);
      setPreview(p);
      setStarted(null);
      form.setFieldsValue({ mode: 'all_or_nothing', ...p.suggestedMapping });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
      setSent(null);
    }
  };
  const run = async (dryRun: boolean) => {
    const v = await form.validateFields();
    const mapping = Object.fromEntries(FIELDS.filter((f) => v[f]).map((f) => [f, v[f]])) as never;
    setBusy(true);
    try {
      setStarted(
        await call(api.registryImports.runRegistryImport, {
          params: { id: preview!.id },
          body: { communityId, mapping, mode: v.mode, dryRun },
        }),
      );
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const columns = (preview?.headers ?? []).map((h) => ({ value: h, label: h }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} {...tid('registry-import-page')}>
      <Card size="small" title={t('import.title')}>
        <Alert type="info" showIcon title={t('import.hint')} style={{ marginBottom: 12 }} />
        <span {...tid('registry-import-upload')}>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void onFile(f);
              return false;
            }}
          >
            <Button loading={busy && !preview}>{t('import.upload')}</Button>
          </Upload>
        </span>
        {sent !== null && sent > 0 && (
          <Progress percent={sent} size="small" format={() => fill('import.uploading', { percent: sent })} />
        )}
        {preview && (
          <span style={{ marginLeft: 12 }} {...tid('registry-import-rows')}>
            {t('import.rows', { count: preview.rowCount })}
          </span>
        )}
      </Card>
      {preview && (
        <Card size="small" title={t('import.mapping')}>
          <Form form={form} layout="inline" style={{ rowGap: 12 }}>
            {FIELDS.map((f) => (
              <Form.Item
                key={f}
                name={f}
                label={tx(`import.fields.${f}`)}
                rules={['name', 'idNumber', 'room'].includes(f) ? [{ required: true }] : []}
              >
                <Select
                  allowClear
                  style={{ width: 160 }}
                  placeholder={t('import.notMapped')}
                  options={columns}
                  {...tid(`registry-import-map-${f}`)}
                />
              </Form.Item>
            ))}
            <Form.Item name="mode" label={t('import.mode')}>
              <Radio.Group
                options={(['all_or_nothing', 'valid_only'] as const).map((m) => ({
                  value: m,
                  label: tx(`import.modes.${m}`),
                }))}
                {...tid('registry-import-mode')}
              />
            </Form.Item>
          </Form>
          <Space style={{ marginTop: 12 }}>
            <Button
              onClick={() => void run(true)}
              loading={busy}
              disabled={running}
              {...tid('registry-import-dry-run')}
            >
              {t('import.dryRun')}
            </Button>
            <Button
              type="primary"
              onClick={() => void run(false)}
              loading={busy}
              disabled={running}
              {...tid('registry-import-run')}
            >
              {t('import.run')}
            </Button>
          </Space>
        </Card>
      )}
      {preview && preview.rowCount > api.registryImports.INLINE_IMPORT_ROWS && !report && (
        <Alert type="info" showIcon title={tx('import.background')} />
      )}
      {report && (running || report.status === 'failed') && <ImportProgress report={report} />}
      {report && !running && report.status !== 'failed' && (
        <Card
          size="small"
          title={report.written ? t('import.written') : t('import.notWritten')}
          {...tid('registry-import-report')}
          data-written={String(report.written)}
        >
          <Descriptions size="small" column={{ xs: 2, md: 5 }}>
            {(['total', 'created', 'updated', 'unchanged', 'failed'] as const).map((k) => (
              <Descriptions.Item key={k}>
                <Statistic title={tx(`import.counts.${k}`)} value={report[k]} {...tid(`registry-import-${k}`)} />
              </Descriptions.Item>
            ))}
          </Descriptions>
          {report.failed > report.errors.length && (
            <Alert type="warning" showIcon title={fill('import.moreErrors', { count: report.failed })} />
          )}
          <Table
            rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
            size="small"
            pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={report.errors}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80 },
              { title: t('import.field'), dataIndex: 'field', render: (f: string) => tx(`import.fields.${f}`) },
              {
                title: t('import.problem'),
                dataIndex: 'code',
                render: (c: string, e) => (
                  <span {...tid(`registry-import-error-${e.row}-${e.field}`)} data-code={c}>
                    {tx(`import.codes.${c}`)}
                  </span>
                ),
              },
            ]}
            {...tid('registry-import-errors')}
          />
        </Card>
      )}
    </Space>
  );
}

/** The import screens' own strings (import-i18n.ts) with their values. */
const fill = (key: string, v: Record<string, string | number>) =>
  (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: 'registry', ...v });

/** Where a background import stands: a bar of rows done of the file's last row, by phase. */
function ImportProgress({ report }: { report: Report }) {
  const { tx } = useRegistryT();
  const percent = report.lastRow ? Math.floor((report.rowsDone / report.lastRow) * 100) : 0;
  const label =
    report.status === 'failed'
      ? fill('import.failed', { reason: report.failure ?? '' })
      : report.status === 'queued'
        ? tx('import.queued')
        : fill(report.phase === 'apply' ? 'import.applying' : 'import.checking', {
            done: report.rowsDone,
            last: report.lastRow,
          });
  return (
    <Card size="small" {...tid('registry-import-progress')} data-status={report.status}>
      <Progress
        percent={percent}
        status={report.status === 'failed' ? 'exception' : 'active'}
        {...tid('registry-import-bar')}
        data-percent={percent}
      />
      <div style={{ color: '#666' }}>{label}</div>
    </Card>
  );
}
