import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Selector, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

type Item = RouteOutput<typeof api.registryCampaigns.campaignItems>['items'][number];
const RESIDENCES = ['registered', 'permanent', 'floating', 'away'] as const;

/** 信息核实清单: the grid worker's records to check on a phone — confirm as is, or correct phone and residence. */
export function CampaignListPage() {
  const { t } = useRegistryT();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['campaign-items'],
    queryFn: () => call(api.registryCampaigns.campaignItems, { query: { status: 'pending', limit: 100 } }),
  });
  return (
    <Frame title={t('campaign.mobileTitle')}>
      {list.isLoading && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Empty description={t('campaign.empty')} />}
      <Space direction="vertical" block style={{ padding: 12 }} {...tid('campaign-list')}>
        {list.data?.items.map((item) => (
          <ItemCard
            key={`${item.campaignId}.${item.personId}`}
            item={item}
            onDone={() => void qc.invalidateQueries({ queryKey: ['campaign-items'] })}
          />
        ))}
      </Space>
    </Frame>
  );
}

function ItemCard({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t, tx } = useRegistryT();
  const [phone, setPhone] = useState(item.phone ?? '');
  const [residence, setResidence] = useState<string>(item.residenceStatus);
  const [busy, setBusy] = useState(false);
  const dirty = phone !== (item.phone ?? '') || residence !== item.residenceStatus;
  const save = async () => {
    setBusy(true);
    try {
      await call(api.registryCampaigns.confirmItem, {
        params: { campaignId: item.campaignId, personId: item.personId },
        body: {
          version: item.version,
          personVersion: item.personVersion,
          phone: phone.trim() || null,
          residenceStatus: residence as Item['residenceStatus'],
        },
      });
      Toast.show({ content: t('campaign.done') });
    } catch (e) {
      Toast.show({ content: errorText(e) });
    } finally {
      setBusy(false);
      onDone();
    }
  };
  const key = `${item.campaignId}.${item.personId}`;
  return (
    <Card
      title={<span style={{ fontSize: 18 }}>{item.name}</span>}
      extra={<Tag>{item.campaignName}</Tag>}
      {...tid(`campaign-card-${key}`)}
    >
      <div style={{ fontSize: 16, lineHeight: 1.7 }}>{item.address}</div>
      <Input
        value={phone}
        onChange={setPhone}
        type="tel"
        maxLength={11}
        placeholder={t('col.phone')}
        style={{ margin: '8px 0', '--font-size': '17px' }}
        {...tid(`campaign-phone-${key}`)}
      />
      <Selector
        columns={2}
        value={[residence]}
        onChange={(v) => v[0] && setResidence(v[0])}
        options={RESIDENCES.map((r) => ({ value: r, label: tx(`residence.${r}`) }))}
        {...tid(`campaign-residence-${key}`)}
      />
      <Button
        block
        size="large"
        color="primary"
        style={{ marginTop: 10 }}
        loading={busy}
        onClick={() => void save()}
        {...tid(`campaign-save-${key}`)}
      >
        {dirty ? t('campaign.saveChanges') : t('campaign.confirm')}
      </Button>
    </Card>
  );
}
