import { Alert, Button, Card, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { tid } from '../../../shared/testid.ts';
import type { Report } from './api.ts';

type RowError = Report['errors'][number];

/** Counts of a run (or a dry run) and the table of row errors; rows carry `case-import-error-<row>-<field>`. */
export function ImportResults({ report }: { report: Report }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const failed = report.total - report.created - report.duplicates;
  return (
    <Card
      title={report.dryRun ? t('caseImport.result.dryRunTitle') : t('caseImport.result.title')}
      data-dry-run={String(report.dryRun)}
      {...tid('case-import-result')}
    >
      <Space size="large" wrap>
        <Statistic title={t('caseImport.result.total')} value={report.total} {...tid('case-import-total')} />
        <Statistic
          title={report.dryRun ? t('caseImport.result.wouldCreate') : t('caseImport.result.created')}
          value={report.created}
          {...tid('case-import-created')}
        />
        <Statistic
          title={t('caseImport.result.duplicates')}
          value={report.duplicates}
          {...tid('case-import-duplicates')}
        />
        <Statistic title={t('caseImport.result.failed')} value={failed} {...tid('case-import-failed')} />
      </Space>
      {!report.dryRun && report.created > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('caseImport.done', { count: report.created })}
          action={
            <Button size="small" onClick={() => navigate('/cases')} {...tid('case-import-view-cases')}>
              {t('caseImport.viewCases')}
            </Button>
          }
          {...tid('case-import-done')}
        />
      )}
      {report.errors.length === 0 ? (
        <Alert type="info" style={{ marginTop: 16 }} title={t('caseImport.result.none')} />
      ) : (
        <Table<RowError>
          style={{ marginTop: 16 }}
          size="small"
          rowKey={(e) => `${e.row}-${e.field}`}
          dataSource={report.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(e) => tid(`case-import-error-${e.row}-${e.field}`)}
          columns={[
            { title: t('caseImport.errorColumns.row'), dataIndex: 'row', width: 90 },
            {
              title: t('caseImport.errorColumns.field'),
              dataIndex: 'field',
              width: 160,
              render: (f: RowError['field']) => t(`caseImport.fields.${f}`),
            },
            {
              title: t('caseImport.errorColumns.code'),
              dataIndex: 'code',
              render: (c: RowError['code']) => <span data-code={c}>{t(`caseImport.codes.${c}`)}</span>,
            },
          ]}
          {...tid('case-import-errors')}
        />
      )}
    </Card>
  );
}
