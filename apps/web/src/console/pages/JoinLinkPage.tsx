import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { ActionModal } from '../components/ActionModal.tsx';
import { useOrgTree } from '../org.ts';

/** The communities whose join link the acting grant manages: itself, or those below a street/district. */
function useCommunities() {
  const { acting } = useActing();
  const own = acting.nodeType === 'community';
  const tree = useOrgTree(acting.nodeId, 'community', !own);
  if (own) return { loading: false, error: null, list: [{ id: acting.nodeId, name: acting.nodeName }] };
  const list = (tree.data?.nodes ?? []).filter((n) => n.type === 'community').map((n) => ({ id: n.id, name: n.name }));
  return { loading: tree.isPending, error: tree.error, list };
}

/** 加入链接: a community's join link and QR code, print it, issue a new one. */
export function JoinLinkPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const communities = useCommunities();
  const [picked, setPicked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const community = communities.list.find((c) => c.id === picked) ?? communities.list[0];
  const id = community?.id ?? '';
  const link = useQuery({
    queryKey: ['join-link', id],
    queryFn: () => call(api.join.getJoinLink, { params: { id } }),
    enabled: !!id,
  });

  if (communities.loading) return <Spin />;
  if (communities.error) return <Alert type="error" showIcon title={errorText(communities.error)} />;
  if (!community) return <Empty description={t('common.empty')} />;
  const url = link.data ? new URL(link.data.url, window.location.origin).href : '';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('join-link-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('console.menu.joinLink')}
      </Typography.Title>
      {communities.list.length > 1 && (
        <Space>
          <span>{t('joinLink.community')}</span>
          <Select
            value={id}
            onChange={setPicked}
            showSearch={{ optionFilterProp: 'label' }}
            options={communities.list.map((c) => ({ value: c.id, label: c.name }))}
            style={{ minWidth: 240 }}
            {...tid('join-link-community')}
          />
        </Space>
      )}
      {link.error && <Alert type="error" showIcon title={errorText(link.error)} />}
      {link.isPending ? (
        <Spin />
      ) : link.data ? (
        <Card className="print-area" style={{ maxWidth: 640 }} {...tid('join-link-card')}>
          <Typography.Title level={3} style={{ marginTop: 0 }} {...tid('join-link-community-name')}>
            {community.name}
          </Typography.Title>
          <img
            src={`/api/communities/${id}/join-link/qr.svg?v=${link.data.version}`}
            alt={t('joinLink.scanToJoin', { name: community.name })}
            width={260}
            height={260}
            style={{ display: 'block', margin: '8px 0', border: '1px solid #f0f0f0' }}
            {...tid('join-link-qr')}
          />
          <Typography.Paragraph strong style={{ fontSize: 18 }}>
            {t('joinLink.scanToJoin', { name: community.name })}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" className="no-print">
            <Descriptions.Item label={t('joinLink.url')}>
              <Typography.Text copyable={{ text: url }} {...tid('join-link-url')}>
                {url}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('joinLink.version')}>
              <span {...tid('join-link-version')}>{link.data.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('joinLink.rotatedAt')}>{formatTime(link.data.rotatedAt)}</Descriptions.Item>
          </Descriptions>
          <Space className="no-print" style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => window.print()} {...tid('join-link-print')}>
              {t('joinLink.print')}
            </Button>
            <Button danger onClick={() => setConfirming(true)} {...tid('join-link-rotate')}>
              {t('joinLink.rotate')}
            </Button>
          </Space>
        </Card>
      ) : null}
      <ActionModal
        open={confirming}
        title={t('joinLink.rotate')}
        okText={t('joinLink.rotate')}
        danger
        testId="join-link-rotate"
        onOk={async () => {
          const fresh = await call(api.join.rotateJoinLink, { params: { id } });
          qc.setQueryData(['join-link', id], fresh);
          void message.success(t('joinLink.rotated'));
          setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        {t('joinLink.rotateConfirm')}
      </ActionModal>
    </Space>
  );
}
