import { ImageUploader, type ImageUploadItem, ProgressBar } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';
import { checkPhoto, MAX_PHOTOS, PhotoError, type PhotoProblem, uploadPhoto } from './upload.ts';

interface Props {
  /** Test id stem: `<stem>` on the uploader (its file input inside), `<stem>-item`, `-progress`, `-error`. */
  testId: string;
  publicUpload?: boolean;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** True while any photo is still being sent. */
  onBusyChange?: (busy: boolean) => void;
}

interface Problem {
  key: number;
  name: string;
  code: PhotoProblem;
  text: string;
}

let seq = 0;

/** Up to 9 photos, each sent as soon as it is chosen, with progress and a plain reason when one is refused. */
export function PhotoUploader({ testId, publicUpload, onChange, onBusyChange }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ImageUploadItem[]>([]);
  const [progress, setProgress] = useState<Record<string, { name: string; percent: number }>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const urls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
    },
    [],
  );

  const problem = (name: string, code: PhotoProblem, text?: string) => {
    const p = { key: ++seq, name, code, text: text ?? t(`casesResident.photos.${code}`) };
    setProblems((ps) => [...ps, p].slice(-5));
  };

  const change = (next: ImageUploadItem[]) => {
    setItems(next);
    onChange?.(next.map((i) => (i.extra as { id: string }).id));
  };

  const upload = async (file: File): Promise<ImageUploadItem> => {
    const key = `${++seq}`;
    setProgress((p) => ({ ...p, [key]: { name: file.name, percent: 0 } }));
    try {
      const a = await uploadPhoto(file, {
        publicUpload,
        onProgress: (percent) => setProgress((p) => (p[key] ? { ...p, [key]: { name: file.name, percent } } : p)),
      });
      const url = URL.createObjectURL(file);
      urls.current.push(url);
      return { key: a.id, url, extra: { id: a.id } };
    } catch (e) {
      if (e instanceof PhotoError) problem(file.name, e.code, e.message);
      else problem(file.name, 'upload_failed');
      throw e;
    } finally {
      setProgress(({ [key]: _, ...rest }) => rest);
    }
  };

  const inFlight = Object.entries(progress);
  return (
    <div className="photos" {...tid(testId)}>
      <ImageUploader
        value={items}
        onChange={change}
        upload={upload}
        multiple
        maxCount={MAX_PHOTOS}
        showFailed={false}
        accept="image/*"
        beforeUpload={(file) => {
          const code = checkPhoto(file);
          if (code) problem(file.name, code);
          return code ? null : file;
        }}
        onCountExceed={(n) => problem(`+${n}`, 'upload_failed', t('casesResident.photos.tooMany', { max: MAX_PHOTOS }))}
        onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((x) => x.status === 'pending'))}
        renderItem={(node, item) => (
          <div {...tid(`${testId}-item`)} data-id={(item.extra as { id?: string } | undefined)?.id}>
            {node}
          </div>
        )}
        style={{ '--cell-size': '96px' }}
      />
      <div className="muted">{t('casesResident.photos.hint', { max: MAX_PHOTOS })}</div>
      {inFlight.map(([key, p]) => (
        <div key={key} className="photo-progress" {...tid(`${testId}-progress`)}>
          <span className="photo-name">{p.name}</span>
          <ProgressBar percent={p.percent} text style={{ flex: 1 }} />
        </div>
      ))}
      {problems.map((p) => (
        <div key={p.key} className="form-error" data-code={p.code} {...tid(`${testId}-error`)}>
          {p.name}
          {t('common.colon')}
          {p.text}
        </div>
      ))}
    </div>
  );
}
