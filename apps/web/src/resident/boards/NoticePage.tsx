import { api } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { NoticeTags } from './NoticeTags.tsx';
import { Photos } from './Photos.tsx';

/**
 * `/notices/:id`: one notice. Opening it marks it read; a must-read notice asks for 「我已阅读」. The text is
 * rendered as text (React escapes it), line breaks kept by CSS — never as HTML.
 */
export function NoticePage() {
  const { t } = useBoardsT();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notice', id], queryFn: () => call(api.notices.getNotice, { params: { id } }) });
  const seen = useMutation({
    mutationFn: (confirm: boolean) => call(api.notices.markNoticeRead, { params: { id }, body: { confirm } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['notices'] });
      void qc.invalidateQueries({ queryKey: ['feed'] });
    },
  });
  const unread = q.data?.unread;
  const mark = seen.mutate;
  useEffect(() => {
    if (unread) mark(false);
  }, [unread, mark]);
  const confirm = () =>
    seen.mutate(true, {
      onSuccess: () => {
        Toast.show({ content: t('notices.confirmedToast'), icon: 'success' });
        void q.refetch();
      },
      onError: (e) => Toast.show({ content: errorText(e), icon: 'fail' }),
    });

  const n = q.data;
  return (
    <Frame title={t('notices.title')} backTo="/notices">
      {q.isPending ? (
        <Loading />
      ) : q.error || !n ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Card className="card-gap" {...tid('notice-detail')}>
          <h2 className="big-title" {...tid('notice-title')}>
            {n.title}
          </h2>
          <NoticeTags n={n} />
          <div className="muted" style={{ margin: '6px 0 12px' }}>
            {n.nodeName} · {n.authorName} · {formatTime(n.publishedAt)}
            {n.expiresAt && ` · ${t('notices.expiresAt')} ${formatTime(n.expiresAt)}`}
          </div>
          <div
            className="notice-body"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            {...tid('notice-body')}
          >
            {n.body}
          </div>
          <Photos
            base={`/api/notices/${encodeURIComponent(n.id)}/attachments`}
            ids={n.attachments}
            testId="notice-photo"
          />
          {n.mustRead && (
            <div style={{ marginTop: 16 }}>
              {n.confirmed ? (
                <Button block disabled color="success" {...tid('notice-confirmed')}>
                  {t('notices.confirmed')}
                </Button>
              ) : (
                <Button
                  block
                  color="primary"
                  size="large"
                  disabled={!n.abilities.confirm}
                  loading={seen.isPending}
                  onClick={confirm}
                  {...tid('notice-confirm')}
                >
                  {t('notices.confirm')}
                </Button>
              )}
            </div>
          )}
        </Card>
      )}
    </Frame>
  );
}
