import { Image, ImageViewer } from 'antd-mobile';
import { tid } from '../../shared/testid.ts';

export const photoUrl = (caseId: string, attachmentId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Thumbnails of a case's (or a timeline entry's) photos; tap one to see them full screen. */
export function CasePhotos({ caseId, ids, testId }: { caseId: string; ids: readonly string[]; testId: string }) {
  // `<stem>s` on the row, `<stem>` on each thumbnail (`case-photos` / `case-photo`).
  if (ids.length === 0) return null;
  const urls = ids.map((a) => photoUrl(caseId, a));
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
