import type { api, RouteOutput } from '@linli/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Card, ErrorBlock, InfiniteScroll } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { StatusTag } from './StatusTag.tsx';

export type CasePageData = RouteOutput<typeof api.cases.myCases>;
type Summary = CasePageData['items'][number];

/** One case in a list: status, number, category, place, time; tap opens the case page. */
function CaseCard({ c, stem, showPlace }: { c: Summary; stem: string; showPlace: boolean }) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const labels = useCaseLabels();
  return (
    <Card
      className="card-gap case-card"
      onClick={() => nav(`/cases/${c.id}`)}
      title={<span className="case-card-title">{c.categoryName}</span>}
      extra={<StatusTag status={c.status} testId={`${stem}-status`} />}
      {...tid(stem)}
      data-status={c.status}
      data-no={c.no}
    >
      <div className="case-card-text">{c.title}</div>
      {showPlace && (
        <div className="muted">
          {t('casesResident.list.place')}
          {t('common.colon')}
          {c.placeName}
        </div>
      )}
      <div className="muted case-card-meta">
        <span>{formatTime(c.createdAt)}</span>
        <span>
          {t('casesResident.case.no')} {c.no}
        </span>
      </div>
      {c.status === 'resolved' && <div className="case-card-cta">{t('casesResident.list.pleaseRate')}</div>}
      {c.sla && c.sla.colour !== 'ok' && c.status !== 'resolved' && (
        <div className="muted">{labels.colour(c.sla.colour)}</div>
      )}
    </Card>
  );
}

interface Props {
  queryKey: readonly unknown[];
  fetchPage: (cursor: string | undefined) => Promise<CasePageData>;
  /** Test ids: `<stem>-list`, `<stem>-empty`, `<stem>-item` (with `-item-status`). */
  stem: string;
  empty: ReactNode;
  /** Neighbours' cases leave the place out: a case's place may be someone's room. */
  showPlace?: boolean;
}

/** A cursor-paged case list that loads the next page as it scrolls into view. */
export function CaseList({ queryKey, fetchPage, stem, empty, showPlace = true }: Props) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <ErrorBlock status="empty" title={empty} description="" {...tid(`${stem}-empty`)}>
        {null}
      </ErrorBlock>
    );
  }
  return (
    <div {...tid(`${stem}-list`)}>
      {items.map((c) => (
        <CaseCard key={c.id} c={c} stem={`${stem}-item`} showPlace={showPlace} />
      ))}
      <InfiniteScroll
        hasMore={q.hasNextPage}
        loadMore={async () => {
          const r = await q.fetchNextPage();
          if (r.error) throw r.error;
        }}
      >
        {(hasMore, failed, retry) =>
          failed ? (
            <button type="button" className="link-button" onClick={retry}>
              {t('common.retry')}
            </button>
          ) : hasMore ? (
            t('common.loading')
          ) : (
            <span className="muted">{t('casesResident.list.end')}</span>
          )
        }
      </InfiniteScroll>
    </div>
  );
}
