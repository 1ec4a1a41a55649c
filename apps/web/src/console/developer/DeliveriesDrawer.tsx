import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Table, Tag, Typography } from 'antd';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useDevT } from './i18n.ts';

type Delivery = RouteOutput<typeof api.webhooks.listDeliveries>['items'][number];
const COLOUR = { pending: 'orange', delivered: 'green', failed: 'red' } as const;

/** The delivery log of one subscription, newest first, with "send again". */
export function DeliveriesDrawer({ id, name, onClose }: { id: string | null; name: string; onClose: () => void }) {
  const t = useDevT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['webhook-deliveries', id],
    queryFn: () => call(api.webhooks.listDeliveries, { params: { id: id! } }),
    enabled: id !== null,
  });
  const redeliver = async (d: Delivery) => {
    try {
      await call(api.webhooks.redeliver, { params: { id: id!, deliveryId: d.id } });
      message.success(t('redelivered'));
      await qc.invalidateQueries({ queryKey: ['webhook-deliveries', id] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={`${t('deliveries')} · ${name}`}
      size="large"
      {...tid('deliveries-drawer')}
    >
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} />}
      <Table<Delivery>
        size="small"
        rowKey="id"
        loading={query.isPending && id !== null}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => tid(`delivery-row-${r.caseNo}-${r.event}`)}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>
              Idempotency-Key: {r.eventId}
              {'\n'}
              {JSON.stringify(JSON.parse(r.body), null, 2)}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('time'), render: (_v, r) => formatTime(r.createdAt) },
          { title: t('events'), render: (_v, r) => t(`event.${r.event}`) },
          { title: t('caseNo'), dataIndex: 'caseNo' },
          {
            title: t('status'),
            render: (_v, r) => (
              <Tag color={COLOUR[r.status]} {...tid(`delivery-status-${r.caseNo}-${r.event}`)} data-status={r.status}>
                {t(`delivery.${r.status}`)}
              </Tag>
            ),
          },
          { title: t('attempts'), dataIndex: 'attempts' },
          {
            title: t('lastResult'),
            render: (_v, r) => r.lastError ?? (r.lastStatus ? `HTTP ${r.lastStatus}` : '—'),
          },
          {
            title: t('nextAttempt'),
            render: (_v, r) => (r.nextAttemptAt ? formatTime(r.nextAttemptAt) : '—'),
          },
          {
            title: '',
            render: (_v, r) => (
              <Button
                size="small"
                onClick={() => void redeliver(r)}
                {...tid(`delivery-redeliver-${r.caseNo}-${r.event}`)}
              >
                {t('redeliver')}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
