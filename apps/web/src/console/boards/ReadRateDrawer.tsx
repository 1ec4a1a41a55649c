import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Empty, Progress, Spin, Table, Typography } from 'antd';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';

const pct = (r: number) => Math.round(r * 1000) / 10;

/** 阅读情况: confirmed households of a must-read notice, by building, and the doors still to knock on. */
export function ReadRateDrawer({
  notice,
  onClose,
}: {
  notice: { id: string; title: string } | null;
  onClose: () => void;
}) {
  const { t } = useBoardsT();
  const q = useQuery({
    queryKey: ['notice-read-rate', notice?.id],
    queryFn: () => call(api.notices.noticeReadRate, { params: { id: notice!.id } }),
    enabled: !!notice,
  });
  const r = q.data;
  return (
    <Drawer
      open={!!notice}
      onClose={onClose}
      title={`${t('notices.rate.title')} · ${notice?.title ?? ''}`}
      size="large"
      {...tid('notice-rate-drawer')}
    >
      {q.isPending ? (
        <Spin />
      ) : q.error ? (
        <Alert type="error" showIcon title={errorText(q.error)} />
      ) : r ? (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label={t('notices.rate.scope')}>{r.scope.name}</Descriptions.Item>
            <Descriptions.Item label={t('notices.rate.households')}>
              <span {...tid('notice-rate-households')}>{r.households}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.rate.reached')}>
              <span {...tid('notice-rate-reached')}>{r.reached}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.rate.rate')}>
              <Progress percent={pct(r.rate)} size="small" {...tid('notice-rate-percent')} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('notices.rate.byBuilding')}
          </Typography.Title>
          <Table
            rowKey={(b) => b.id ?? '-'}
            size="small"
            pagination={false}
            dataSource={r.buildings}
            columns={[
              { title: t('notices.rate.building'), dataIndex: 'name' },
              { title: t('notices.rate.households'), dataIndex: 'households' },
              { title: t('notices.rate.reached'), dataIndex: 'reached' },
              {
                title: t('notices.rate.rate'),
                key: 'rate',
                render: (_, b) => <Progress percent={pct(b.rate)} size="small" />,
              },
            ]}
            {...tid('notice-rate-buildings')}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('notices.rate.notReached')}
          </Typography.Title>
          {r.notReached.length === 0 ? (
            <Empty description={t('notices.rate.none')} />
          ) : (
            <Table
              rowKey="householdId"
              size="small"
              dataSource={r.notReached}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('notices.rate.address'), dataIndex: 'address' },
                { title: t('notices.rate.building'), dataIndex: 'building' },
                { title: t('notices.rate.grid'), dataIndex: 'grid' },
              ]}
              {...tid('notice-rate-not-reached')}
            />
          )}
        </>
      ) : null}
    </Drawer>
  );
}
