import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Progress, Space, Table } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';

type Campaign = RouteOutput<typeof api.registryCampaigns.listCampaigns>['items'][number];

/** 信息核实: start a record check at the acting node; progress per campaign in the acting area. */
export function CampaignsCard() {
  const { t } = useRegistryT();
  const { message } = App.useApp();
  const { acting, allowed } = useActing();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const list = useQuery({
    queryKey: ['campaigns', acting.nodeId],
    queryFn: () => call(api.registryCampaigns.listCampaigns, { query: { nodeId: acting.nodeId, limit: 20 } }),
  });
  const start = async () => {
    try {
      const c = await call(api.registryCampaigns.createCampaign, {
        body: { nodeId: acting.nodeId, name: name.trim() },
      });
      void message.success(t('campaign.started', { count: c.progress.total }));
      setName('');
      await qc.invalidateQueries({ queryKey: ['campaigns'] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Card
      size="small"
      title={t('campaign.title')}
      extra={
        <a href="/campaign" target="_blank" rel="noreferrer">
          {t('campaign.phoneLink')}
        </a>
      }
      {...tid('campaigns-card')}
    >
      {allowed('policy.manage') && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input
            value={name}
            maxLength={60}
            placeholder={t('campaign.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            {...tid('campaign-name')}
          />
          <Button type="primary" disabled={!name.trim()} onClick={() => void start()} {...tid('campaign-start')}>
            {t('campaign.start')}
          </Button>
        </Space.Compact>
      )}
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Campaign>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('campaign.name'), dataIndex: 'name' },
          { title: t('policy.node'), dataIndex: 'nodeName', responsive: ['md'] },
          {
            title: t('campaign.progress'),
            key: 'p',
            render: (_: unknown, c) => {
              const done = c.progress.confirmed + c.progress.changed;
              return (
                <Progress
                  size="small"
                  percent={c.progress.total ? Math.round((done / c.progress.total) * 100) : 0}
                  format={() => `${done}/${c.progress.total}`}
                />
              );
            },
          },
          { title: t('campaign.changed'), key: 'c', render: (_: unknown, c) => c.progress.changed },
          {
            title: t('policy.createdBy'),
            key: 'at',
            responsive: ['lg'],
            render: (_: unknown, c) => formatTime(c.createdAt),
          },
        ]}
      />
    </Card>
  );
}
