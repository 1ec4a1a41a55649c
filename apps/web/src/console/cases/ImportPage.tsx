import { Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';
import type { Preview, Report } from './import/api.ts';
import { ImportForm } from './import/ImportForm.tsx';
import { ImportResults } from './import/ImportResults.tsx';
import { ImportUpload } from './import/ImportUpload.tsx';

/**
 * 12345 热线工单导入 (`/console/case-import`): upload the hotline's spreadsheet, map its columns, try it,
 * import it, and read which rows were not imported and why.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<{ preview: Preview; fileName: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const preview = upload?.preview;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('case-import-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('console.menu.caseImport')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 880 }}>
        {t('caseImport.hint')}
      </Typography.Paragraph>
      <ImportUpload
        onUploaded={(p, fileName) => {
          setUpload({ preview: p, fileName });
          setReport(null);
        }}
      />
      {upload && preview && (
        <>
          <Card
            size="small"
            title={`${t('caseImport.file')}: ${upload.fileName} · ${t('caseImport.rows', { count: preview.rowCount })}`}
            data-row-count={preview.rowCount}
            {...tid('case-import-preview')}
          >
            <Typography.Text strong>{t('caseImport.sample')}</Typography.Text>
            <Table
              size="small"
              style={{ marginTop: 8 }}
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey="key"
              dataSource={preview.sampleRows.map((cells, i) => ({ key: i, cells }))}
              columns={preview.headers.map((h, i) => ({
                title: h,
                key: `${i}`,
                render: (_v: unknown, r: { cells: string[] }) => (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.cells[i]}</span>
                ),
              }))}
              {...tid('case-import-sample')}
            />
          </Card>
          <Card size="small" title={t('caseImport.mapping')}>
            <ImportForm key={preview.id} preview={preview} onResult={setReport} />
          </Card>
        </>
      )}
      {report && <ImportResults report={report} />}
    </Space>
  );
}
