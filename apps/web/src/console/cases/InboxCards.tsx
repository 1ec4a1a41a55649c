import { Checkbox, List, Space, Typography } from 'antd';
import type { Key } from 'react';
import { useNavigate } from 'react-router';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import type { CaseSummary } from './model.ts';
import { SlaTag, StatusTag, UrgeTag } from './Tags.tsx';

interface Props {
  rows: CaseSummary[];
  loading: boolean;
  selected: Key[];
  onSelect: (keys: Key[]) => void;
}

/** The inbox on a phone: one card per case (same test ids as the table rows). */
export function InboxCards({ rows, loading, selected, onSelect }: Props) {
  const nav = useNavigate();
  return (
    <List
      loading={loading}
      dataSource={rows}
      renderItem={(c) => (
        <List.Item data-status={c.status} {...tid(`case-row-${c.no}`)}>
          <Space align="start" style={{ width: '100%' }}>
            <Checkbox
              disabled={c.status !== 'submitted'}
              checked={selected.includes(c.id)}
              onChange={(e) => onSelect(e.target.checked ? [...selected, c.id] : selected.filter((k) => k !== c.id))}
              {...tid(`case-select-${c.no}`)}
            />
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <Typography.Link strong onClick={() => nav(`/cases/${c.id}`)} {...tid('case-open')}>
                {c.title}
              </Typography.Link>
              <Space wrap size={4}>
                <StatusTag status={c.status} testId="case-row-status" />
                <SlaTag sla={c.sla} />
                <UrgeTag urged={c.urged} />
              </Space>
              <Typography.Text type="secondary">
                {c.no} · {c.categoryName} · {c.placeName}
              </Typography.Text>
              <Typography.Text type="secondary">{formatTime(c.createdAt)}</Typography.Text>
            </Space>
          </Space>
        </List.Item>
      )}
      {...tid('cases-table')}
    />
  );
}
