import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import type { CaseDetail } from './model.ts';
import { SlaTag, StatusTag, UrgeTag } from './Tags.tsx';

/** Number, status, level, category, place path, source, SLA with its due time, urging, parking and merges. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const d = (k: 'no' | 'status' | 'level' | 'category' | 'place' | 'source' | 'createdAt' | 'sla' | 'urged') =>
    t(`casesConsole.detail.${k}`);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, overflowWrap: 'anywhere' }} {...tid('case-title')}>
        {c.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'no', label: d('no'), children: <span {...tid('case-no')}>{c.no}</span> },
          { key: 'status', label: d('status'), children: <StatusTag status={c.status} /> },
          { key: 'level', label: d('level'), children: <span {...tid('case-level')}>{labels.level(c.level)}</span> },
          {
            key: 'category',
            label: d('category'),
            children: <span {...tid('case-category')}>{`${c.categoryCode} ${c.categoryName}`}</span>,
          },
          { key: 'place', label: d('place'), children: <span {...tid('case-place')}>{c.placePath.join(' / ')}</span> },
          {
            key: 'source',
            label: d('source'),
            children: <span {...tid('case-source')}>{labels.source(c.source)}</span>,
          },
          { key: 'createdAt', label: d('createdAt'), children: formatTime(c.createdAt) },
          { key: 'sla', label: d('sla'), children: <SlaTag sla={c.sla} withDue /> },
          ...(c.urged ? [{ key: 'urged', label: d('urged'), children: <UrgeTag urged={c.urged} /> }] : []),
          ...(c.closedAt
            ? [{ key: 'closedAt', label: t('casesConsole.detail.closedAt'), children: formatTime(c.closedAt) }]
            : []),
          ...(c.parked
            ? [
                {
                  key: 'parked',
                  label: labels.status('parked'),
                  span: 'filled' as const,
                  children: (
                    <span {...tid('case-parked')}>
                      {t('casesConsole.detail.parked', {
                        time: formatTime(c.parked.reviewAt),
                        reason: c.parked.reason,
                      })}
                    </span>
                  ),
                },
              ]
            : []),
          ...(c.mergedInto
            ? [
                {
                  key: 'mergedInto',
                  label: t('casesConsole.detail.mergedInto'),
                  children: (
                    <Link to={`/cases/${c.mergedInto.id}`} {...tid('case-merged-into')}>
                      {c.mergedInto.no}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(c.mergedFrom.length
            ? [
                {
                  key: 'mergedFrom',
                  label: t('casesConsole.detail.mergedFrom'),
                  children: (
                    <Space wrap size={4}>
                      {c.mergedFrom.map((m) => (
                        <Link key={m.id} to={`/cases/${m.id}`}>
                          {m.no}
                        </Link>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(c.reopenCount
            ? [
                {
                  key: 'reopened',
                  label: labels.command('reopen'),
                  children: <Tag color="orange">{t('casesConsole.detail.reopened', { count: c.reopenCount })}</Tag>,
                },
              ]
            : []),
        ]}
        {...tid('case-header')}
      />
    </>
  );
}
