import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { RESIDENCES } from './model.ts';

type Row = RouteOutput<typeof api.registry.registryStats>['items'][number];
/** The tags a street usually asks about first. */
/** A count, or "<5" where the server withheld a small cell (1–4 people) from an aggregates-only role. */
const small = (n: number | null) => (n === null ? '<5' : n);

const KEY_TAGS = ['party_member', 'low_income', 'disabled', 'elderly_alone', 'advanced_age', 'school_age', 'veteran'];

/** Counts per community in the acting area: what a street sees of the registry (never a person). */
export function StatsCard() {
  const { t, tx, lang } = useRegistryT();
  const { acting } = useActing();
  const stats = useQuery({
    queryKey: ['registry-stats', acting.nodeId],
    queryFn: () => call(api.registry.registryStats, { query: { nodeId: acting.nodeId } }),
  });
  const tags = useQuery({
    queryKey: ['registry-tags'],
    queryFn: () => call(api.registry.listTags),
    staleTime: 300_000,
  });
  const tagName = (code: string) => {
    const g = tags.data?.items.find((x) => x.code === code);
    return g ? (lang === 'en' ? g.nameEn : g.name) : code;
  };
  return (
    <Card size="small" title={t('stats.title')} {...tid('registry-stats')}>
      {stats.error && <Alert type="error" showIcon title={errorText(stats.error)} />}
      <Table<Row>
        rowKey="communityId"
        size="small"
        pagination={false}
        loading={stats.isFetching}
        dataSource={stats.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('policy.community'), dataIndex: 'name', fixed: 'left' },
          // A small count (1–4) comes as null to aggregates-only roles: shown as "<5", never as a number.
          { title: t('stats.households'), key: 'households', render: (_: unknown, c: Row) => small(c.households) },
          { title: t('stats.people'), key: 'people', render: (_: unknown, c: Row) => small(c.people) },
          ...RESIDENCES.map((r) => ({
            title: tx(`residence.${r}`),
            key: r,
            render: (_: unknown, c: Row) => small(c.byResidence[r] ?? 0),
          })),
          ...KEY_TAGS.map((code) => ({
            title: tagName(code),
            key: code,
            render: (_: unknown, c: Row) => small(c.byTag[code] ?? 0),
          })),
        ]}
      />
    </Card>
  );
}
