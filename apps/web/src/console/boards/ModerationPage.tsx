import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { PostDrawer } from './PostDrawer.tsx';

type Queue = RouteOutput<typeof api.boards.moderationQueue>;

/** Sensitive words in force at the acting node; words set here can be removed, words from above are shown. */
function WordsCard() {
  const { t } = useBoardsT();
  const { message } = App.useApp();
  const { acting } = useActing();
  const [text, setText] = useState('');
  const q = useQuery({
    queryKey: ['board-words', acting.nodeId],
    queryFn: () => call(api.boards.listWords, { query: { nodeId: acting.nodeId } }),
  });
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await q.refetch();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const words = text
    .split(/[\s,，、]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  return (
    <Card size="small" title={t('moderation.words')} extra={<span className="muted">{t('moderation.wordsHint')}</span>}>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('moderation.addWords')}
          {...tid('board-words-input')}
        />
        <Button
          type="primary"
          disabled={words.length === 0}
          onClick={() =>
            void run(async () => {
              await call(api.boards.addWords, { body: { nodeId: acting.nodeId, words } });
              setText('');
            })
          }
          {...tid('board-words-add')}
        >
          {t('moderation.add')}
        </Button>
      </Space.Compact>
      <Space wrap {...tid('board-words')}>
        {(q.data?.items ?? []).map((w) => (
          <Tag
            key={w.id}
            closable={w.nodeId === acting.nodeId}
            onClose={(e) => {
              e.preventDefault();
              void run(() => call(api.boards.removeWord, { params: { id: w.id } }));
            }}
            title={w.nodeName}
          >
            {w.word}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** 版块管理: the moderation queue (held and reported posts, held comments) and the sensitive-word list. */
export function ModerationPage() {
  const { t } = useBoardsT();
  const { acting } = useActing();
  // `?post=<id>` opens a post directly (links from notifications and the resident's case page).
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | null>(params.get('post'));
  const q = useQuery({
    queryKey: ['board-moderation', acting.nodeId],
    queryFn: () => call(api.boards.moderationQueue, { query: { nodeId: acting.nodeId } }),
  });
  const posts: Queue['posts'] = q.data?.posts ?? [];
  const comments: Queue['comments'] = q.data?.comments ?? [];
  return (
    <Row gutter={[16, 16]} {...tid('moderation-page')}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('moderation.heldPosts')}>
          {q.error && <Alert type="error" showIcon title={errorText(q.error)} />}
          <Table
            rowKey="id"
            size="small"
            loading={q.isFetching}
            dataSource={posts}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('moderation.empty') }}
            onRow={(p) => ({ ...tid(`moderation-post-${p.title}`), 'data-id': p.id }) as never}
            columns={[
              { title: t('posts.form.title'), dataIndex: 'title' },
              { title: t('posts.form.board'), key: 'board', render: (_, p) => t(`posts.board.${p.board}`) },
              { title: t('moderation.author'), dataIndex: 'authorLabel' },
              {
                title: t('moderation.state'),
                key: 'state',
                render: (_, p) => (
                  <Space size={4} wrap>
                    <Tag color={p.status === 'held' ? 'orange' : 'default'}>{t(`posts.status.${p.status}`)}</Tag>
                    {p.reportCount > 0 && <Tag color="red">{t('moderation.reports', { count: p.reportCount })}</Tag>}
                  </Space>
                ),
              },
              { title: t('moderation.time'), key: 'at', render: (_, p) => formatTime(p.createdAt) },
              {
                title: '',
                key: 'open',
                render: (_, p) => (
                  <Button size="small" onClick={() => setOpen(p.id)} {...tid('moderation-open')}>
                    {t('moderation.open')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('moderation.heldComments')} style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            dataSource={comments}
            pagination={false}
            locale={{ emptyText: t('moderation.empty') }}
            columns={[
              { title: t('posts.comments'), dataIndex: 'body' },
              { title: t('moderation.author'), dataIndex: 'authorLabel' },
              { title: t('moderation.heldWords'), key: 'w', render: (_, c) => c.heldWords.join('、') },
              {
                title: '',
                key: 'open',
                render: (_, c) => (
                  <Button size="small" onClick={() => setOpen(c.postId)}>
                    {c.postTitle}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <WordsCard />
      </Col>
      <PostDrawer id={open} onClose={() => setOpen(null)} />
    </Row>
  );
}
