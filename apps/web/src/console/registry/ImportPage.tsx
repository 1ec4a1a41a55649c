import { ApiError, api, type RouteOutput } from '@linli/contracts';
import { Alert, App, Button, Card, Descriptions, Form, Radio, Select, Space, Statistic, Table, Upload } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, currentCsrfToken, errorText } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';

type Preview = RouteOutput<typeof api.registryImports.uploadRegistryImport>;
type Report = RouteOutput<typeof api.registryImports.runRegistryImport>;
const FIELDS = api.registryImports.REGISTRY_IMPORT_FIELDS;
const typeOf = (f: File) =>
  f.name.toLowerCase().endsWith('.xlsx')
    ? api.caseImports.XLSX_TYPE
    : f.name.toLowerCase().endsWith('.csv')
      ? api.caseImports.CSV_TYPE
      : null;

/** The file itself as the body, with the session's CSRF header (the typed client sends JSON only). */
async function upload(file: File): Promise<Preview> {
  const csrf = currentCsrfToken() ?? (await call(api.auth.me)).csrfToken;
  const res = await fetch(api.registryImports.uploadRegistryImport.url, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': typeOf(file) ?? 'application/octet-stream',
      'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new ApiError(
      res.status,
      String(data.code ?? 'http_error'),
      String(data.title ?? res.statusText),
      (data.errors as ApiError['errors']) ?? [],
    );
  return data as unknown as Preview;
}

/** 居民信息导入: upload, map columns, try it (row-level report), import all-or-nothing or valid rows only. */
export function ImportPage() {
  const { t, tx } = useRegistryT();
  const { message } = App.useApp();
  const { acting } = useActing();
  const communityId = acting.path.split('/').filter(Boolean)[2] ?? acting.nodeId;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const onFile = async (file: File) => {
    if (!typeOf(file)) return void message.error(t('import.hint'));
    setBusy(true);
    try {
      const p = await upload(file);
      setPreview(p);
      setReport(null);
      form.setFieldsValue({ mode: 'all_or_nothing', ...p.suggestedMapping });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const run = async (dryRun: boolean) => {
    const v = await form.validateFields();
    const mapping = Object.fromEntries(FIELDS.filter((f) => v[f]).map((f) => [f, v[f]])) as never;
    setBusy(true);
    try {
      setReport(
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
            <Button onClick={() => void run(true)} loading={busy} {...tid('registry-import-dry-run')}>
              {t('import.dryRun')}
            </Button>
            <Button type="primary" onClick={() => void run(false)} loading={busy} {...tid('registry-import-run')}>
              {t('import.run')}
            </Button>
          </Space>
        </Card>
      )}
      {report && (
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
