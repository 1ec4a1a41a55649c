import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { CapsuleTabs, ErrorBlock, List, SearchBar, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

type Category = (typeof api.guides.GUIDE_CATEGORIES)[number];

/** `/guides`: 办事指南 of the resident's community, searchable in Chinese or by pinyin initials. */
export function GuidesPage() {
  const { t } = useBoardsT();
  const nav = useNavigate();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<Category | 'all'>('all');
  const list = useQuery({
    queryKey: ['guides', q, category],
    queryFn: () =>
      call(api.guides.listGuides, {
        query: { q: q.trim() || undefined, category: category === 'all' ? undefined : category },
      }),
  });
  return (
    <Frame title={t('guides.title')} backTo="/home">
      <SearchBar
        placeholder={t('guides.searchPlaceholder')}
        onSearch={(v) => setQ(v.slice(0, 40))}
        onClear={() => setQ('')}
        style={{ marginBottom: 8 }}
        {...tid('guide-search')}
      />
      <CapsuleTabs activeKey={category} onChange={(k) => setCategory(k as Category | 'all')}>
        <CapsuleTabs.Tab title={t('notices.all')} key="all" />
        {api.guides.GUIDE_CATEGORIES.map((c) => (
          <CapsuleTabs.Tab title={t(`guides.category.${c}`)} key={c} />
        ))}
      </CapsuleTabs>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('guides.empty')} description="" {...tid('guides-empty')} />
      ) : (
        <List className="card-gap" {...tid('guide-list')}>
          {list.data.items.map((g) => (
            <List.Item
              key={g.id}
              clickable
              onClick={() => nav(`/guides/${g.id}`)}
              description={g.audience}
              extra={g.baseId || g.nodeId === list.data.node.id ? <Tag color="primary">{t('guides.local')}</Tag> : null}
              {...tid('guide-item')}
            >
              {g.title}
            </List.Item>
          ))}
        </List>
      )}
    </Frame>
  );
}
