import { Alert, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

export interface BulkResult {
  id: string;
  no: string;
  ok: boolean;
  code?: string;
}

/** What bulk sign-for did, one line per case: 已签收, or 未签收 with the refusal code. */
export function BulkResults({ results, onClose }: { results: BulkResult[]; onClose: () => void }) {
  const { t } = useTranslation();
  const ok = results.filter((r) => r.ok).length;
  return (
    <Alert
      type={ok === results.length ? 'success' : 'warning'}
      showIcon
      closable={{ onClose }}
      title={t('casesConsole.bulkDone', { ok, failed: results.length - ok })}
      description={
        <List
          size="small"
          dataSource={results}
          renderItem={(r) => (
            <List.Item data-ok={String(r.ok)} {...tid(`cases-bulk-result-${r.no}`)}>
              <span>{r.no}</span>
              <Tag color={r.ok ? 'green' : 'red'}>
                {r.ok ? t('casesConsole.bulkOk') : `${t('casesConsole.bulkFailed')} · ${r.code ?? ''}`}
              </Tag>
            </List.Item>
          )}
        />
      }
      {...tid('cases-bulk-results')}
    />
  );
}
