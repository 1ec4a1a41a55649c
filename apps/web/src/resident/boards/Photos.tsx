import { Image, ImageViewer } from 'antd-mobile';
import { tid } from '../../shared/testid.ts';

/** Thumbnails (tap for full screen) of photos served under `base` (`/api/notices/<id>/attachments`). */
export function Photos({ base, ids, testId }: { base: string; ids: readonly string[]; testId: string }) {
  if (ids.length === 0) return null;
  const urls = ids.map((a) => `${base}/${encodeURIComponent(a)}`);
  return (
    <div className="case-photos" {...tid(`${testId}s`)}>
      {urls.map((url, i) => (
        <button
          type="button"
          key={url}
          className="case-photo"
          onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })}
          {...tid(testId)}
        >
          <Image src={url} width={88} height={88} fit="cover" />
        </button>
      ))}
    </div>
  );
}
