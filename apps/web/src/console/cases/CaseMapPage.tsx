import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { call, errorText } from '../../shared/api.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { CaseMapCanvas } from './CaseMapCanvas.tsx';
import { CaseMapLegend } from './CaseMapLegend.tsx';
import { categoryOptions, filterCategory, useCategories } from './categories.tsx';
import type { PopupText } from './map-layers.ts';
import { INBOXES, type Inbox } from './model.ts';

/** 诉求地图: the acting node's outlines and cases, filtered by inbox and category (kept in the URL). */
export function CaseMapPage() {
  const { t, i18n } = useTranslation();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const { acting } = useActing();
  const [params, setParams] = useSearchParams();
  const box = (INBOXES as readonly string[]).includes(params.get('box') ?? '') ? (params.get('box') as Inbox) : 'all';
  const categoryId = params.get('categoryId') ?? undefined;
  const categories = useCategories();
  const nodeId = acting.nodeId;

  const map = useQuery({
    queryKey: ['case-map', nodeId, box, categoryId],
    queryFn: () => call(api.caseMap.caseMap, { query: { nodeId, box, ...(categoryId ? { categoryId } : {}) } }),
    placeholderData: (previous) => previous,
  });
  const set = (patch: Record<string, string | undefined>) => {
    const next = { box, categoryId, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, {
      replace: true,
    });
  };
  const text: PopupText = {
    status: labels.status,
    open: t('caseMap.popup.open'),
    approximate: (place) => t('caseMap.popup.approximate', { place }),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('case-map-page')}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseMap.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            value={box}
            onChange={(v: Inbox) => set({ box: v })}
            options={INBOXES.map((b) => ({
              value: b,
              label: <span {...tid(`case-map-box-option-${b}`)}>{t(`casesConsole.boxes.${b}`)}</span>,
            }))}
            style={{ width: 140 }}
            aria-label={t('caseMap.filters.box')}
            {...tid('case-map-box')}
          />
          <TreeSelect
            treeExpandAction="click"
            allowClear
            showSearch
            placeholder={t('caseMap.filters.category')}
            value={categoryId}
            onChange={(v?: string) => set({ categoryId: v })}
            treeData={categoryOptions(categories.data?.items ?? [], {
              stem: 'case-map-category',
              english: i18n.language === 'en',
            })}
            filterTreeNode={(input, node) => filterCategory(input, node as { name?: string })}
            popupMatchSelectWidth={240}
            style={{ width: 200 }}
            {...tid('case-map-category')}
          />
        </Space>
      </Space>
      {map.error && <Alert type="error" showIcon title={errorText(map.error)} {...tid('case-map-error')} />}
      {map.data && map.data.outlines.length === 0 && (
        <Alert type="info" showIcon title={t('caseMap.noOutlines')} {...tid('case-map-no-outlines')} />
      )}
      <Space wrap size="large">
        <Typography.Text {...tid('case-map-summary')} data-count={map.data?.cases.length ?? 0}>
          {t('caseMap.summary', { count: map.data?.cases.length ?? 0 })}
        </Typography.Text>
        {!!map.data?.omitted && (
          <Typography.Text type="warning" {...tid('case-map-omitted')}>
            {t('caseMap.omitted', { count: map.data.omitted })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{t('caseMap.baseNote')}</Typography.Text>
      </Space>
      <div style={{ position: 'relative' }}>
        <CaseMapCanvas data={map.data} text={text} onOpen={(id) => navigate(`/cases/${id}`)} />
        <CaseMapLegend />
      </div>
    </Space>
  );
}
