import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useFormsUiT } from '../../i18n/forms-ui.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useCollectionT } from './i18n.ts';

/**
 * `/form-burden` (district, form.oversee): requesters ranked by the minutes their forms made communities type,
 * with what the registry pre-filled and the duplicates refused. The bars are plain boxes (no chart library).
 */
export function BurdenRankingPage() {
  const u = useFormsUiT();
  const t = useCollectionT();
  const ranking = useQuery({ queryKey: ['form-burden-ranking'], queryFn: () => call(api.forms.burdenRanking, {}) });
  const items = ranking.data?.items ?? [];
  const top = Math.max(1, ...items.map((i) => Math.max(i.minutesSpent, i.minutesSaved)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} {...tid('burden-ranking-page')}>
      <Card title={u('ranking.title')}>
        <Typography.Paragraph type="secondary">{u('ranking.hint')}</Typography.Paragraph>
        {ranking.error && <Alert type="error" message={errorText(ranking.error)} />}
        {items.length > 0 && (
          <div style={{ marginBottom: 16 }} {...tid('burden-ranking-chart')}>
            <div style={{ fontWeight: 600, marginBottom: 8 }}>{u('ranking.chart')}</div>
            {items.map((i) => (
              <div
                key={i.requesterId}
                style={{ display: 'grid', gridTemplateColumns: 'minmax(90px, 160px) 1fr', gap: 8, marginBottom: 6 }}
              >
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {i.requesterName}
                </span>
                <div>
                  <Bar
                    value={i.minutesSpent}
                    top={top}
                    color="#fa8c16"
                    text={`${u('ranking.spent')} ${i.minutesSpent}`}
                  />
                  <Bar
                    value={i.minutesSaved}
                    top={top}
                    color="#52c41a"
                    text={`${u('ranking.saved')} ${i.minutesSaved}`}
                  />
                </div>
              </div>
            ))}
          </div>
        )}
        <Table
          rowKey="requesterId"
          size="small"
          loading={ranking.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 880 }}
          locale={{ emptyText: u('ranking.empty') }}
          {...tid('burden-ranking-table')}
          columns={[
            { title: '#', key: 'rank', width: 48, render: (_: unknown, __: unknown, n: number) => n + 1 },
            { title: u('ranking.requester'), dataIndex: 'requesterName', width: 140 },
            { title: u('ranking.forms'), dataIndex: 'forms', width: 80 },
            { title: u('ranking.answered'), dataIndex: 'answeredTasks', width: 100 },
            { title: u('ranking.typed'), dataIndex: 'typed', width: 90 },
            { title: u('ranking.prefilled'), dataIndex: 'prefilled', width: 90 },
            { title: u('ranking.duplicates'), dataIndex: 'duplicatesAvoided', width: 90 },
            { title: u('ranking.spent'), dataIndex: 'minutesSpent', width: 120 },
            { title: u('ranking.saved'), dataIndex: 'minutesSaved', width: 110 },
          ]}
        />
      </Card>
      {ranking.data && (
        <Card size="small" title={u('ranking.minutes')}>
          <Descriptions size="small" bordered column={{ xs: 2, md: 4, xl: 6 }}>
            {Object.entries(ranking.data.minutesPerField).map(([type, m]) => (
              <Descriptions.Item key={type} label={t(`types.${type as 'text'}`)}>
                {m}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}

function Bar({ value, top, color, text }: { value: number; top: number; color: string; text: string }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 6, height: 18 }}>
      <div
        style={{ width: `${(value / top) * 70}%`, minWidth: value > 0 ? 2 : 0, height: 12, background: color }}
        aria-hidden
      />
      <span style={{ fontSize: 12, color: '#666', whiteSpace: 'nowrap' }}>{text}</span>
    </div>
  );
}
