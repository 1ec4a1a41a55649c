import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAffT } from '../../i18n/affiliations.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { PartyPostsCard } from './PartyPostsCard.tsx';

type Kind = (typeof api.affiliations.AFFILIATION_KINDS)[number];
type Status = (typeof api.affiliations.AFFILIATION_STATUSES)[number];
type Row = RouteOutput<typeof api.affiliations.listAffiliations>['items'][number];
const COLOR: Record<Status, string> = { pending: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };

const days = (from: string) => Math.max(0, Math.floor((Date.now() - new Date(from).getTime()) / 86_400_000));

function Detail({ r }: { r: Row }) {
  const t = useAffT();
  if (r.party)
    return (
      <div>
        <div>
          {r.party.dual ? t('review.dual') : t('review.residence')} · {r.party.partyOrg}
          {r.party.joinedOn ? ` · ${r.party.joinedOn}` : ''}
        </div>
        {r.party.dual && (
          <div className="muted">
            {r.party.workplace} · {r.party.workplaceOrg}
          </div>
        )}
        {r.party.serviceOffer && <div className="muted">{r.party.serviceOffer}</div>}
      </div>
    );
  if (!r.hometown) return null;
  return (
    <div>
      <div>
        {t(`hometown.ties.${r.hometown.tie}`)} · {r.hometown.livesIn}
      </div>
      {r.hometown.note && <div className="muted">{r.hometown.note}</div>}
    </div>
  );
}

function Queue({ communityId, kind }: { communityId: string; kind: Kind }) {
  const t = useAffT();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<Status>('pending');
  const q = useQuery({
    queryKey: ['affiliations', communityId, kind, status],
    queryFn: () => call(api.affiliations.listAffiliations, { params: { id: communityId }, query: { kind, status } }),
  });
  const decide = async (r: Row, decision: 'approve' | 'reject') => {
    let reason = '';
    if (decision === 'reject') {
      const ok = await modal.confirm({
        title: t('review.reason'),
        content: (
          <Input.TextArea
            rows={3}
            maxLength={200}
            onChange={(e) => (reason = e.target.value)}
            {...tid('affiliation-reason')}
          />
        ),
      });
      if (!ok) return;
      if (reason.trim().length < 2) return void message.error(t('review.reasonRequired'));
    }
    try {
      await call(api.affiliations.decideAffiliation, {
        params: { id: r.id },
        body: { decision, version: r.version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      void message.success(decision === 'approve' ? t('review.approved') : t('review.rejected'));
      await q.refetch();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as Status)}
        options={api.affiliations.AFFILIATION_STATUSES.map((s) => ({ value: s, label: t(`review.status.${s}`) }))}
        style={{ marginBottom: 12 }}
        {...tid('affiliations-status')}
      />
      {q.error && <Alert type="error" message={errorText(q.error)} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('review.empty') }}
        onRow={(r) => ({ 'data-testid': 'affiliation-row', 'data-name': r.name }) as object}
        columns={[
          { title: t('review.name'), dataIndex: 'name', width: 110 },
          { title: t('review.phone'), dataIndex: 'phone', width: 130 },
          { title: t('review.detail'), render: (_v, r) => <Detail r={r} /> },
          {
            title: status === 'pending' ? t('review.waited') : t('review.createdAt'),
            width: 150,
            render: (_v, r) =>
              status === 'pending' ? t('review.days', { n: days(r.createdAt) }) : formatTime(r.createdAt),
          },
          {
            title: '',
            width: 190,
            render: (_v, r) =>
              r.status === 'pending' ? (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => void decide(r, 'approve')}
                    {...tid('affiliation-approve')}
                  >
                    {t('review.approve')}
                  </Button>
                  <Button danger size="small" onClick={() => void decide(r, 'reject')} {...tid('affiliation-reject')}>
                    {t('review.reject')}
                  </Button>
                </Space>
              ) : (
                <Tag color={COLOR[r.status]}>{t(`review.status.${r.status}`)}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

/** 报到与乡亲审核: party check-ins and, in a village, hometown members, each reviewed by the committee. */
export function AffiliationsPage() {
  const t = useAffT();
  const { acting } = useActing();
  const node = useQuery({
    queryKey: ['org-node', acting.nodeId],
    queryFn: () => call(api.org.orgNode, { params: { id: acting.nodeId } }),
  });
  const village = node.data?.node.kind === 'village';
  const link = `${window.location.origin}/hometown/${acting.nodeId}`;
  return (
    <>
      <PartyPostsCard communityId={acting.nodeId} />
      <Card title={t('review.title')} {...tid('affiliations-page')}>
        {village && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            message={t('hometown.link')}
            description={
              <>
                <Typography.Text copyable {...tid('hometown-link')}>
                  {link}
                </Typography.Text>
                <div className="muted">{t('hometown.linkHint')}</div>
              </>
            }
          />
        )}
        <Tabs
          items={[
            { key: 'party', label: t('review.party'), children: <Queue communityId={acting.nodeId} kind="party" /> },
            ...(village
              ? [
                  {
                    key: 'hometown',
                    label: t('review.hometown'),
                    children: <Queue communityId={acting.nodeId} kind="hometown" />,
                  },
                ]
              : []),
          ]}
          {...tid('affiliations-tabs')}
        />
      </Card>
    </>
  );
}
