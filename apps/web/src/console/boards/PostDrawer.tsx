import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, List, Modal, Space, Spin, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { categoryOptions, filterCategory, useCategories } from '../cases/categories.tsx';
import { ProposeButton } from './ProposeButton.tsx';

/** Asks for a moderation reason (at least 2 characters); resolves null when cancelled. */
export function useReason() {
  const { modal } = App.useApp();
  const { t } = useBoardsT();
  return (title: string) =>
    new Promise<string | null>((resolve) => {
      let reason = '';
      modal.confirm({
        title,
        content: (
          <Input.TextArea
            rows={3}
            maxLength={200}
            placeholder={t('moderation.reason')}
            onChange={(e) => (reason = e.target.value)}
            {...tid('moderation-reason')}
          />
        ),
        okButtonProps: tid('moderation-reason-confirm'),
        onOk: () => resolve(reason),
        onCancel: () => resolve(null),
      });
    });
}

/** A post as the committee sees it: reply officially, turn it into a case, hide or restore it. */
export function PostDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, lang } = useBoardsT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const ask = useReason();
  const q = useQuery({
    queryKey: ['board-post', id],
    queryFn: () => call(api.boards.getPost, { params: { id: id! } }),
    enabled: !!id,
  });
  const cats = useCategories();
  const [reply, setReply] = useState('');
  const [converting, setConverting] = useState(false);
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const p = q.data;
  const done = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await q.refetch();
      void qc.invalidateQueries({ queryKey: ['board-moderation'] });
      void message.success(t('moderation.done'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const moderate = async (action: 'hide' | 'restore', commentId?: string) => {
    const reason = await ask(action === 'hide' ? t('moderation.hide') : t('moderation.restore'));
    if (reason === null || !p) return;
    await done(() =>
      commentId
        ? call(api.boards.moderateComment, { params: { id: p.id, commentId }, body: { action, reason } })
        : call(api.boards.moderatePost, { params: { id: p.id }, body: { action, reason } }),
    );
  };
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={p?.title ?? ''} {...tid('board-post-drawer')}>
      {q.isPending ? (
        <Spin />
      ) : q.error || !p ? (
        <Alert type="error" showIcon title={errorText(q.error)} />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('posts.form.board')}>
              {t(`posts.board.${p.board}`)} · {t(`posts.kind.${p.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('moderation.author')}>{p.authorLabel}</Descriptions.Item>
            <Descriptions.Item label={t('moderation.state')}>
              <Space wrap>
                <Tag>{t(`posts.status.${p.status}`)}</Tag>
                <Tag>{t(`posts.stage.${p.stage}`)}</Tag>
                {p.reportCount > 0 && <Tag color="red">{t('moderation.reports', { count: p.reportCount })}</Tag>}
                {p.heldWords.length > 0 && (
                  <Tag color="orange">
                    {t('moderation.heldWords')}: {p.heldWords.join('、')}
                  </Tag>
                )}
                {p.caseNo && <Tag color="blue">{t('posts.caseLinked', { no: p.caseNo })}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('posts.form.body')}>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...tid('board-post-body')}>
                {p.body}
              </div>
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ margin: '12px 0' }}>
            {p.abilities.convert && (
              <Button type="primary" onClick={() => setConverting(true)} {...tid('board-post-convert')}>
                {t('moderation.convert')}
              </Button>
            )}
            <ProposeButton post={p} run={done} />
            {p.abilities.moderate && p.status !== 'hidden' && (
              <Button danger onClick={() => void moderate('hide')} {...tid('board-post-hide')}>
                {t('moderation.hide')}
              </Button>
            )}
            {p.abilities.moderate && p.status !== 'visible' && (
              <Button onClick={() => void moderate('restore')} {...tid('board-post-restore')}>
                {t('moderation.restore')}
              </Button>
            )}
          </Space>
          <List
            header={`${t('posts.comments')} (${p.commentCount})`}
            dataSource={p.comments}
            renderItem={(c) => (
              <List.Item
                actions={
                  p.abilities.moderate
                    ? [
                        c.status === 'visible' ? (
                          <Button key="h" size="small" type="link" danger onClick={() => void moderate('hide', c.id)}>
                            {t('moderation.hide')}
                          </Button>
                        ) : (
                          <Button key="r" size="small" type="link" onClick={() => void moderate('restore', c.id)}>
                            {t('moderation.restore')}
                          </Button>
                        ),
                      ]
                    : []
                }
                {...tid('board-comment')}
              >
                <List.Item.Meta
                  style={{ flex: '0 0 40%' }}
                  title={
                    <Space>
                      {c.authorLabel}
                      {c.official && <Tag color="red">{t('posts.official')}</Tag>}
                      {c.status !== 'visible' && <Tag>{t(`posts.status.${c.status}`)}</Tag>}
                    </Space>
                  }
                  description={formatTime(c.createdAt)}
                />
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</span>
              </List.Item>
            )}
          />
          {p.abilities.comment && (
            <Space.Compact style={{ width: '100%', marginTop: 8 }}>
              <Input.TextArea
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                maxLength={api.boards.COMMENT_MAX}
                rows={2}
                placeholder={t('moderation.reply')}
                {...tid('board-post-reply')}
              />
              <Button
                type="primary"
                disabled={!reply.trim()}
                onClick={() =>
                  void done(async () => {
                    await call(api.boards.commentPost, { params: { id: p.id }, body: { body: reply } });
                    setReply('');
                  })
                }
                {...tid('board-post-reply-send')}
              >
                {t('posts.send')}
              </Button>
            </Space.Compact>
          )}
          <Modal
            open={converting}
            title={t('moderation.convertTitle')}
            onCancel={() => setConverting(false)}
            okButtonProps={{ disabled: !categoryId, ...tid('board-convert-confirm') }}
            onOk={() =>
              void done(async () => {
                await call(api.boards.convertPost, {
                  params: { id: p.id },
                  body: { version: p.version, categoryId: categoryId! },
                });
                setConverting(false);
              })
            }
          >
            <TreeSelect
              // Remount once categories arrive: expand-all only applies to the first tree it sees.
              key={cats.data ? 'loaded' : 'loading'}
              style={{ width: '100%' }}
              placeholder={t('moderation.category')}
              treeData={categoryOptions(cats.data?.items ?? [], {
                stem: 'board-convert-category',
                english: lang === 'en',
                activeOnly: true,
                leavesOnly: true,
              })}
              value={categoryId}
              onChange={(v) => setCategoryId(v)}
              showSearch
              treeDefaultExpandAll
              filterTreeNode={(input, node) => filterCategory(input, node as { name?: string })}
              treeNodeFilterProp="name"
              {...tid('board-convert-category')}
            />
          </Modal>
        </>
      )}
    </Drawer>
  );
}
