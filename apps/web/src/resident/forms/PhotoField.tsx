import { ImageUploader, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { tid } from '../../shared/testid.ts';
import { checkPhoto, PhotoError, uploadPhoto } from '../cases/upload.ts';
import { useFormT } from './i18n.ts';

/**
 * One photo, sent to the attachments module as soon as it is chosen (metadata stripped there); the answer is
 * its id. The thumbnail is the stored photo, readable by its uploader, so it shows again after a reload.
 */
export function PhotoField({
  fieldKey,
  value,
  onChange,
}: {
  fieldKey: string;
  value: string | undefined;
  onChange: (v: unknown) => void;
}) {
  const { t } = useFormT();
  const [problem, setProblem] = useState<string | null>(null);
  const items: ImageUploadItem[] = value ? [{ key: value, url: `/api/attachments/${value}` }] : [];
  return (
    <div {...tid(`form-photo-${fieldKey}`)}>
      <ImageUploader
        value={items}
        maxCount={1}
        accept="image/*"
        showFailed={false}
        beforeUpload={(file) => {
          const code = checkPhoto(file);
          setProblem(code ? t(`photo.${code}`) : null);
          return code ? null : file;
        }}
        upload={async (file) => {
          try {
            const a = await uploadPhoto(file);
            return { key: a.id, url: `/api/attachments/${a.id}` };
          } catch (e) {
            setProblem(e instanceof PhotoError ? e.message : t('photo.upload_failed'));
            throw e;
          }
        }}
        onChange={(next) => onChange(next[0]?.key ? String(next[0].key) : undefined)}
        renderItem={(node, item) => (
          <div {...tid(`form-photo-${fieldKey}-item`)} data-id={String(item.key ?? '')}>
            {node}
          </div>
        )}
        style={{ '--cell-size': '96px' }}
      />
      {problem && <div style={{ color: '#ff3141', marginTop: 4 }}>{problem}</div>}
    </div>
  );
}
