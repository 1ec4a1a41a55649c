import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api.ts';
import { tid } from '../../../shared/testid.ts';
import { checkFile, type Preview, uploadImport } from './api.ts';

/**
 * Step 1: choose the hotline's spreadsheet; it is sent at once as the raw file (`POST /api/case-imports`)
 * and the preview comes back. The wrapper carries `data-uploading` for tests.
 */
export function ImportUpload({ onUploaded }: { onUploaded: (p: Preview, fileName: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Space
      orientation="vertical"
      style={{ width: '100%' }}
      data-uploading={String(busy)}
      {...tid('case-import-upload')}
    >
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File;
          const problem = checkFile(f);
          setError(null);
          if (problem) {
            setError(t(`caseImport.${problem}`));
            onError?.(new Error(problem));
            return;
          }
          setBusy(true);
          uploadImport(f).then(
            (preview) => {
              setBusy(false);
              onSuccess?.(preview);
              onUploaded(preview, f.name);
            },
            (e: unknown) => {
              setBusy(false);
              setError(errorText(e));
              onError?.(e instanceof Error ? e : new Error(String(e)));
            },
          );
        }}
      >
        <Button type="primary" loading={busy} {...tid('case-import-file')}>
          {busy ? t('caseImport.uploading') : t('caseImport.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">CSV · XLSX · ≤ 10 MB</Typography.Text>
      {error && <Alert type="error" showIcon title={error} {...tid('case-import-upload-error')} />}
    </Space>
  );
}
