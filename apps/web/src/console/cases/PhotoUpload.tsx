import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { uploadPhoto } from './model.ts';

const MAX = 9;

/**
 * Photos for a form field: each file is uploaded at once (`POST /api/attachments`), the field's value is the ids
 * of those that finished. The wrapper carries `data-count` (done) and `data-uploading` for tests.
 */
export function PhotoUpload({
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const done = files.filter((f) => f.status === 'done');
  return (
    <div data-count={done.length} data-uploading={String(files.some((f) => f.status === 'uploading'))} {...tid(testId)}>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={MAX}
        fileList={files}
        customRequest={({ file, onSuccess, onError }) => {
          uploadPhoto(file as File).then(
            (id) => onSuccess?.({ id }),
            (e: unknown) => {
              const err = new Error(errorText(e));
              onError?.(err);
            },
          );
        }}
        onChange={({ fileList }) => {
          const list = fileList.map((f) => (f.status === 'error' ? { ...f, response: f.error?.message } : f));
          setFiles(list);
          onChange?.(
            list.flatMap((f) => (f.status === 'done' && f.response ? [(f.response as { id: string }).id] : [])),
          );
        }}
      >
        {files.length < MAX && <span>+ {t('casesConsole.form.upload')}</span>}
      </Upload>
    </div>
  );
}
