import { cases } from '@linli/contracts';
import { Select, Space, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { categoryOptions, filterCategory, useCategories } from './categories.tsx';
import { CASE_SOURCES } from './model.ts';

export interface Filters {
  categoryId?: string;
  status?: (typeof cases.CASE_STATUSES)[number];
  source?: (typeof CASE_SOURCES)[number];
  departmentId?: string;
  q?: string;
}

interface Props {
  value: Filters;
  onChange: (f: Filters) => void;
  /** Departments serving the streets in the caller's scope. */
  departments: readonly { id: string; name: string }[];
}

/** Category tree, status, source, department and a number-or-text search over the current inbox. */
export function InboxFilters({ value, onChange, departments }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useCaseLabels();
  const categories = useCategories();
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const width = { width: 170 };
  return (
    <Space wrap>
      <TreeSelect
        treeExpandAction="click"
        allowClear
        showSearch
        placeholder={t('casesConsole.filters.category')}
        value={value.categoryId}
        onChange={(v?: string) => set({ categoryId: v })}
        treeData={categoryOptions(categories.data?.items ?? [], {
          stem: 'cases-filter-category',
          english: i18n.language === 'en',
        })}
        filterTreeNode={(input, node) => filterCategory(input, node as { name?: string })}
        popupMatchSelectWidth={240}
        style={width}
        {...tid('cases-filter-category')}
      />
      <Select
        allowClear
        placeholder={t('casesConsole.filters.status')}
        value={value.status}
        onChange={(v?: Filters['status']) => set({ status: v })}
        options={cases.CASE_STATUSES.map((s) => ({
          value: s,
          label: <span {...tid(`cases-filter-status-option-${s}`)}>{labels.status(s)}</span>,
        }))}
        style={width}
        {...tid('cases-filter-status')}
      />
      <Select
        allowClear
        placeholder={t('casesConsole.filters.source')}
        value={value.source}
        onChange={(v?: Filters['source']) => set({ source: v })}
        options={CASE_SOURCES.map((s) => ({
          value: s,
          label: <span {...tid(`cases-filter-source-option-${s}`)}>{labels.source(s)}</span>,
        }))}
        style={width}
        {...tid('cases-filter-source')}
      />
      <Select
        allowClear
        placeholder={t('casesConsole.filters.department')}
        value={value.departmentId}
        onChange={(v?: string) => set({ departmentId: v })}
        options={departments.map((d) => ({
          value: d.id,
          label: <span {...tid(`cases-filter-department-option-${d.name}`)}>{d.name}</span>,
        }))}
        style={{ width: 200 }}
        {...tid('cases-filter-department')}
      />
      <SearchBox
        testId="cases-search"
        placeholder={t('casesConsole.filters.q')}
        onSearch={(q) => set({ q: q || undefined })}
      />
    </Space>
  );
}
