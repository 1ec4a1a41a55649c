import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useAffT } from '../../i18n/affiliations.ts';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';

type Kind = 'news' | 'study';

/** The party organisation publishes party news and study materials to 党建园地 and sees what is there. */
export function PartyPostsCard({ communityId }: { communityId: string }) {
  const t = useAffT();
  const { t: tb } = useBoardsT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('study');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['posts', communityId, 'party'],
    queryFn: () => call(api.boards.listPosts, { params: { id: communityId }, query: { board: 'party', limit: 10 } }),
  });
  const publish = async () => {
    setBusy(true);
    try {
      await call(api.boards.createPost, { params: { id: communityId }, body: { board: 'party', kind, title, body } });
      setTitle('');
      setBody('');
      void message.success(t('party.published'));
      await q.refetch();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('party.publish')} style={{ marginBottom: 16 }} {...tid('party-publish')}>
      <Form layout="vertical">
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={(['study', 'news'] as const).map((k) => ({ value: k, label: tb(`posts.kind.${k}`) }))}
          style={{ marginBottom: 12 }}
        />
        <Form.Item label={tb('posts.form.title')}>
          <Input
            value={title}
            maxLength={api.boards.POST_TITLE_MAX}
            onChange={(e) => setTitle(e.target.value)}
            {...tid('party-publish-title')}
          />
        </Form.Item>
        <Form.Item label={tb('posts.form.body')}>
          <Input.TextArea
            rows={4}
            value={body}
            maxLength={api.boards.POST_BODY_MAX}
            showCount
            onChange={(e) => setBody(e.target.value)}
            {...tid('party-publish-body')}
          />
        </Form.Item>
        <Button
          type="primary"
          loading={busy}
          disabled={!title.trim() || !body.trim()}
          onClick={() => void publish()}
          {...tid('party-publish-submit')}
        >
          {t('party.publish')}
        </Button>
      </Form>
      <List
        size="small"
        style={{ marginTop: 16 }}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('party.empty') }}
        renderItem={(p) => (
          <List.Item {...tid('party-post-row')}>
            <Tag color="red">{tb(`posts.kind.${p.kind}`)}</Tag>
            {p.title}
            <span className="muted" style={{ marginLeft: 8 }}>
              {p.authorLabel} · {formatTime(p.createdAt)} · {tb('posts.comments')} {p.commentCount}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
