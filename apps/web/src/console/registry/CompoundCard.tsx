import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { usePlacesT } from '../../i18n/places.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { CompoundForm } from './CompoundForm.tsx';

export type Compound = RouteOutput<typeof api.registryPlaces.getCompound>;

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/** 小区档案 of a building or courtyard: management, entrances, facilities, providers; editable in place. */
export function CompoundCard({ nodeId }: { nodeId: string }) {
  const { t, tx } = usePlacesT();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['registry-compound', nodeId],
    queryFn: () => call(api.registryPlaces.getCompound, { params: { nodeId } }),
  });
  const c = q.data;
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['registry-compound', nodeId] }),
      qc.invalidateQueries({ queryKey: ['registry-compounds'] }),
    ]);
  return (
    <Card
      size="small"
      title={c ? `${t('compound.title')} · ${c.place}` : t('compound.title')}
      loading={q.isLoading}
      extra={
        c?.abilities.edit && (
          <Button size="small" type="primary" onClick={() => setEditing(true)} {...tid('compound-edit')}>
            {c.version === 0 ? t('compound.create') : t('compound.edit')}
          </Button>
        )
      }
      {...tid('compound-card')}
    >
      {q.error && <Alert type="error" showIcon title={errorText(q.error)} />}
      {c && c.version === 0 && <Empty description={t('compound.notRecorded')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {c && c.version > 0 && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} {...tid('compound-facts')}>
            <Descriptions.Item label={t('compound.management')}>
              {c.management === 'company' ? c.companyName : tx(`compound.managements.${c.management}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('compound.contact')}>
              {[c.contactName, c.contactPhone].filter(Boolean).join(' ') || t('none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('compound.entrances')}>
              {t('compound.entranceSummary', { n: c.entranceCount, g: c.guardedCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('compound.organisations')}>
              {t('compound.organisationCount', { n: c.organisationCount })}
            </Descriptions.Item>
            {c.updatedAt && (
              <Descriptions.Item label="">
                <Typography.Text type="secondary">
                  {t('compound.updated', { name: c.updatedByName ?? '', at: when(c.updatedAt) })}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.entrances.length > 0 && (
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={c.entrances}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('compound.entranceName'), dataIndex: 'name' },
                { title: t('compound.hours'), dataIndex: 'hours', render: (v: string | null) => v ?? '' },
                {
                  title: t('compound.guarded'),
                  dataIndex: 'guarded',
                  render: (v: boolean) => (v ? <Tag color="green">{t('yes')}</Tag> : t('no')),
                },
                {
                  title: t('compound.vehicles'),
                  dataIndex: 'vehicles',
                  render: (v: boolean) => (v ? t('yes') : t('no')),
                },
              ]}
              {...tid('compound-entrances')}
            />
          )}
          <div {...tid('compound-facilities')}>
            <Typography.Text strong>{t('compound.facilities')}: </Typography.Text>
            {c.facilities.length === 0
              ? t('none')
              : c.facilities.map((f) => (
                  <Tag key={`${f.kind}-${f.notes ?? ''}`} title={f.notes ?? undefined} style={{ marginBottom: 4 }}>
                    {tx(`compound.facilityKinds.${f.kind}`)} × {f.count}
                  </Tag>
                ))}
          </div>
          {c.providers.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('compound.providers')}</Typography.Text>}
              dataSource={c.providers}
              renderItem={(p) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text>{p.name}</Typography.Text>
                    <Tag>{p.service}</Tag>
                    <Typography.Text type="secondary">
                      {[p.contactName, p.phone].filter(Boolean).join(' ')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
              {...tid('compound-providers')}
            />
          )}
          {c.notes && <Typography.Paragraph type="secondary">{c.notes}</Typography.Paragraph>}
        </Space>
      )}
      {c && editing && (
        <CompoundForm
          compound={c}
          onClose={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            await refresh();
          }}
          onStale={refresh}
        />
      )}
    </Card>
  );
}
