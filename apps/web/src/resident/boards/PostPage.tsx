import { api, type RouteOutput } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Dialog, List, NoticeBar, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { TTextArea } from '../cases/TTextArea.tsx';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { PartyBadge } from '../party/PartyBadge.tsx';
import { Photos } from './Photos.tsx';

type Post = RouteOutput<typeof api.boards.getPost>;
type Step = (typeof api.boards.POST_STEPS)[number];

/** `/posts/:id`: a neighbour post — text (as text, never HTML), photos, its stage and steps, likes, comments. */
export function PostPage() {
  const { t } = useBoardsT();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const key = ['post', id];
  const q = useQuery({ queryKey: key, queryFn: () => call(api.boards.getPost, { params: { id } }) });
  const ta = useAffT();
  const nav = useNavigate();
  const [comment, setComment] = useState('');
  const [badge, setBadge] = useState(false);
  const set = (p: Post) => {
    qc.setQueryData(key, p);
    void qc.invalidateQueries({ queryKey: ['posts'] });
    void qc.invalidateQueries({ queryKey: ['feed'] });
  };
  const fail = (e: unknown) => Toast.show({ content: errorText(e), icon: 'fail' });
  const step = useMutation({
    mutationFn: (b: { step: Step; note?: string }) =>
      call(api.boards.stepPost, { params: { id }, body: { version: q.data!.version, ...b } }),
    onSuccess: set,
    onError: fail,
  });
  const send = useMutation({
    mutationFn: () =>
      call(api.boards.commentPost, {
        params: { id },
        body: { body: comment, ...(badge ? { showPartyBadge: true } : {}) },
      }),
    onSuccess: (p) => {
      setComment('');
      set(p);
    },
    onError: fail,
  });
  const like = useMutation({
    mutationFn: (liked: boolean) => call(api.boards.likePost, { params: { id }, body: { liked } }),
    onSuccess: () => void q.refetch(),
    onError: fail,
  });
  const follow = useMutation({
    mutationFn: (following: boolean) => call(api.boards.followPost, { params: { id }, body: { following } }),
    onSuccess: () => void q.refetch(),
    onError: fail,
  });
  const report = async () => {
    let reason = '';
    const ok = await Dialog.confirm({
      title: t('posts.reportReason'),
      content: <TTextArea testId="post-report-reason" rows={3} maxLength={200} onChange={(v) => (reason = v)} />,
    });
    if (!ok) return;
    try {
      await call(api.boards.reportPost, { params: { id }, body: { reason: reason.trim() || t('posts.report') } });
      Toast.show({ content: t('posts.reported'), icon: 'success' });
    } catch (e) {
      fail(e);
    }
  };
  const runStep = async (s: Step) => {
    if (s !== 'thank') return step.mutate({ step: s });
    let note = '';
    const ok = await Dialog.confirm({
      title: t('posts.step.thank'),
      content: (
        <TTextArea
          testId="post-thanks"
          rows={3}
          maxLength={500}
          placeholder={t('posts.thanksPlaceholder')}
          onChange={(v) => (note = v)}
        />
      ),
    });
    if (ok) step.mutate({ step: 'thank', note: note.trim() || undefined });
  };

  const p = q.data;
  return (
    <Frame
      title={q.data ? t(`posts.board.${q.data.board}`) : t('posts.title')}
      backTo={
        q.data?.board === 'party'
          ? '/party'
          : q.data?.board === 'hometown'
            ? `/hometown/${q.data.communityId}/board`
            : '/neighbours'
      }
    >
      {q.isPending ? (
        <Loading />
      ) : q.error || !p ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          {p.status === 'held' && (
            <NoticeBar content={t('posts.heldNotice')} color="alert" wrap {...tid('post-held')} />
          )}
          {p.status === 'hidden' && (
            <NoticeBar
              content={t('posts.hiddenNotice', { reason: p.moderationReason ?? '' })}
              color="error"
              wrap
              {...tid('post-hidden')}
            />
          )}
          <Card className="card-gap" {...tid('post-detail')} data-stage={p.stage} data-status={p.status}>
            <h2 className="big-title" {...tid('post-title')}>
              {p.title}
            </h2>
            <Space wrap>
              <Tag color="primary" fill="outline">
                {t(`posts.board.${p.board}`)} · {t(`posts.kind.${p.kind}`)}
              </Tag>
              {p.board !== 'party' && p.board !== 'hometown' && (
                <Tag color="success" {...tid('post-stage')}>
                  {t(`posts.stage.${p.stage}`)}
                </Tag>
              )}
              {p.caseNo && <Tag color="warning">{t('posts.caseLinked', { no: p.caseNo })}</Tag>}
              {p.proposalId && (
                <Tag color="primary" onClick={() => nav(`/proposals/${p.proposalId}`)} {...tid('post-proposal')}>
                  {t('posts.proposalLinked')}
                </Tag>
              )}
            </Space>
            <div className="muted" style={{ margin: '6px 0 12px' }}>
              {p.authorLabel}
              <PartyBadge show={p.partyBadge} /> · {formatTime(p.createdAt)}
              {p.takerLabel && ` · ${p.takerLabel}`}
            </div>
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...tid('post-body')}>
              {p.body}
            </div>
            <Photos
              base={`/api/board-posts/${encodeURIComponent(p.id)}/attachments`}
              ids={p.attachments}
              testId="post-photo"
            />
            {p.thanks && (
              <div style={{ marginTop: 12 }} {...tid('post-thanks-text')}>
                {t('posts.thanks')}
                {'：'}
                {p.thanks}
              </div>
            )}
            <Space wrap style={{ marginTop: 16 }}>
              {p.abilities.steps.map((s) => (
                <Button
                  key={s}
                  color="primary"
                  loading={step.isPending}
                  onClick={() => void runStep(s)}
                  {...tid(`post-step-${s}`)}
                >
                  {t(`posts.step.${s}`)}
                </Button>
              ))}
              {p.status === 'visible' && (
                <Button
                  fill={p.liked ? 'solid' : 'outline'}
                  onClick={() => like.mutate(!p.liked)}
                  {...tid('post-like')}
                >
                  {t('posts.like')} {p.likeCount}
                </Button>
              )}
              <Button
                fill={p.following ? 'solid' : 'outline'}
                onClick={() => follow.mutate(!p.following)}
                {...tid('post-follow')}
                data-following={String(p.following)}
              >
                {p.following ? t('posts.following') : t('posts.follow')}
              </Button>
              {p.status === 'visible' && !p.mine && (
                <Button fill="none" onClick={() => void report()} {...tid('post-report')}>
                  {t('posts.report')}
                </Button>
              )}
            </Space>
          </Card>
          <List header={`${t('posts.comments')} (${p.commentCount})`} className="card-gap" {...tid('post-comments')}>
            {p.comments.map((c) => (
              <List.Item
                key={c.id}
                description={`${formatTime(c.createdAt)}${c.status !== 'visible' ? ` · ${t(`posts.status.${c.status}`)}` : ''}`}
                title={
                  <span>
                    {c.authorLabel}
                    <PartyBadge show={c.partyBadge} />
                    {c.official && (
                      <Tag color="danger" style={{ marginLeft: 6 }}>
                        {t('posts.official')}
                      </Tag>
                    )}
                  </span>
                }
                {...tid('post-comment')}
                data-official={String(c.official)}
              >
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</span>
              </List.Item>
            ))}
          </List>
          {p.abilities.comment && (
            <Card className="card-gap">
              <TTextArea
                testId="post-comment-input"
                value={comment}
                onChange={setComment}
                rows={3}
                maxLength={api.boards.COMMENT_MAX}
                placeholder={t('posts.commentPlaceholder')}
              />
              {p.abilities.partyBadge && (
                <Checkbox checked={badge} onChange={setBadge} style={{ marginTop: 8 }} {...tid('post-comment-badge')}>
                  {ta('party.showBadge')}
                </Checkbox>
              )}
              <Button
                block
                color="primary"
                style={{ marginTop: 8 }}
                disabled={!comment.trim()}
                loading={send.isPending}
                onClick={() => send.mutate()}
                {...tid('post-comment-send')}
              >
                {t('posts.send')}
              </Button>
            </Card>
          )}
        </>
      )}
    </Frame>
  );
}
