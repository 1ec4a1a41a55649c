import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { turnoutPercent, useVoteT } from '../../i18n/votes.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { VoteForm } from './VoteForm.tsx';
import { VoteManage } from './VoteManage.tsx';

/** `/votes`: the acting community's votes (drafts included), and a drawer to draft a new one. */
export function VotesPage() {
  const { t } = useVoteT();
  const { acting } = useActing();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [drafting, setDrafting] = useState(false);
  const communityId = acting.nodeType === 'community' ? acting.nodeId : '';
  const q = useQuery({
    queryKey: ['votes', communityId],
    queryFn: () => call(api.votes.listVotes, { params: { id: communityId } }),
    enabled: !!communityId,
  });
  if (!communityId) return <Alert type="info" message={t('empty')} />;
  return (
    <Card
      title={t('title')}
      extra={
        <Button type="primary" onClick={() => setDrafting(true)} {...tid('votes-create')}>
          {t('create')}
        </Button>
      }
    >
      {q.error && <Alert type="error" message={errorText(q.error)} />}
      <Table
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 760 }}
        onRow={(v) =>
          ({ onClick: () => nav(`/votes/${v.id}`), style: { cursor: 'pointer' }, ...tid('votes-row') }) as never
        }
        columns={[
          { title: t('form.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('turnout.rate'),
            key: 'status',
            width: 220,
            render: (_, v) => (
              <Space size={4}>
                <Tag color={v.status === 'open' ? 'processing' : v.status === 'closed' ? 'success' : 'default'}>
                  {t(`status.${v.status}`)}
                </Tag>
                {v.status !== 'draft' && `${v.voted}/${v.electors} (${turnoutPercent(v.voted, v.electors)}%)`}
              </Space>
            ),
          },
          { title: t('form.electorate'), key: 'e', width: 200, render: (_, v) => t(`electorate.${v.electorate}`) },
          {
            title: t('result.title'),
            key: 'r',
            width: 90,
            render: (_, v) => (v.adopted === null ? '—' : v.adopted ? t('result.adopted') : t('result.rejected')),
          },
          { title: t('form.deadline'), key: 'd', width: 150, render: (_, v) => formatTime(v.deadline) },
        ]}
      />
      <Drawer open={drafting} onClose={() => setDrafting(false)} title={t('create')} width={640} destroyOnHidden>
        <VoteForm
          communityId={communityId}
          onCreated={(id) => {
            setDrafting(false);
            void qc.invalidateQueries({ queryKey: ['votes', communityId] });
            nav(`/votes/${id}`);
          }}
        />
      </Drawer>
    </Card>
  );
}

/** `/votes/:id`: one vote, run by the committee. */
export function VoteDetailPage() {
  const { id = '' } = useParams();
  return <VoteManage id={id} />;
}
