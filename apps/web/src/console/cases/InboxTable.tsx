import { Button, Table, Typography } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The inbox table; only submitted cases can be ticked for bulk sign-for. */
export function InboxTable({ rows, loading, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const nav = useNavigate();
  const open = (c: CaseSummary) => nav(`/cases/${c.id}`);
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: english ? 1240 : 1120 }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: onSelect,
        getCheckboxProps: (c) => ({ disabled: c.status !== 'submitted', ...tid(`case-select-${c.no}`) }),
      }}
      onRow={(c) => ({ ...tid(`case-row-${c.no}`), 'data-status': c.status }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('casesConsole.columns.no'),
          dataIndex: 'no',
          width: 140,
          render: (no: string, c) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => open(c)} {...tid('case-open')}>
              {no}
            </Button>
          ),
        },
        {
          title: t('casesConsole.columns.title'),
          dataIndex: 'title',
          ellipsis: true,
          render: (title: string, c) => (
            <Typography.Link onClick={() => open(c)} {...tid('case-row-title')}>
              {title}
            </Typography.Link>
          ),
        },
        { title: t('casesConsole.columns.category'), dataIndex: 'categoryName', width: 100, ellipsis: true },
        {
          title: t('casesConsole.columns.place'),
          key: 'place',
          width: 140,
          ellipsis: true,
          render: (_: unknown, c) =>
            c.placeName === c.communityName ? c.communityName : `${c.communityName} · ${c.placeName}`,
        },
        {
          title: t('casesConsole.columns.status'),
          dataIndex: 'status',
          width: english ? 190 : 110,
          render: (s: string) => <StatusTag status={s} testId="case-row-status" />,
        },
        {
          title: t('casesConsole.columns.sla'),
          dataIndex: 'sla',
          width: 140,
          render: (sla: CaseSummary['sla']) => <SlaTag sla={sla} />,
        },
        {
          title: t('casesConsole.columns.urged'),
          dataIndex: 'urged',
          width: 80,
          render: (u: CaseSummary['urged']) => <UrgeTag urged={u} />,
        },
        {
          title: t('casesConsole.columns.createdAt'),
          dataIndex: 'createdAt',
          width: 155,
          render: (v: string) => formatTime(v),
        },
      ]}
      {...tid('cases-table')}
    />
  );
}
