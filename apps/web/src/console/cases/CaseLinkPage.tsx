import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { ActionModal } from '../components/ActionModal.tsx';
import { useOrgTree } from '../org.ts';

const PLACE_TYPES = ['community', 'grid', 'building'];

/** Places under the acting grant that can carry a report poster: the community, its grids and buildings. */
function usePlaces() {
  const { acting } = useActing();
  const tree = useOrgTree(acting.nodeId, 'building');
  const nodes = (tree.data?.nodes ?? []).filter((n) => PLACE_TYPES.includes(n.type));
  const name = new Map(nodes.map((n) => [n.id, n.name]));
  const list = nodes.map((n) => ({
    id: n.id,
    name: n.name,
    label: n.type === 'building' && n.parentId ? `${name.get(n.parentId) ?? ''} · ${n.name}` : n.name,
  }));
  return { loading: tree.isPending, error: tree.error, list };
}

/** 扫码报事: the QR poster of a courtyard, building, grid or community; print it, retire it. */
export function CaseLinkPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const places = usePlaces();
  const [picked, setPicked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const place = places.list.find((p) => p.id === picked) ?? places.list[0];
  const placeId = place?.id ?? '';
  const link = useQuery({
    queryKey: ['case-link', placeId],
    queryFn: () => call(api.caseLinks.getCaseLink, { params: { placeId } }),
    enabled: !!placeId,
  });
  if (places.loading) return <Spin />;
  if (places.error) return <Alert type="error" showIcon title={errorText(places.error)} />;
  if (!place) return <Empty description={t('common.empty')} />;
  const url = link.data ? new URL(link.data.url, window.location.origin).href : '';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('case-link-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('console.menu.caseLink')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="no-print" style={{ margin: 0 }}>
        {t('casesConsole.link.hint')}
      </Typography.Paragraph>
      <Space className="no-print">
        <span>{t('casesConsole.link.place')}</span>
        <Select
          value={placeId}
          onChange={setPicked}
          showSearch={{ optionFilterProp: 'label' }}
          options={places.list.map((p) => ({ value: p.id, label: p.label }))}
          style={{ minWidth: 280 }}
          {...tid('case-link-place')}
        />
      </Space>
      {link.error && <Alert type="error" showIcon title={errorText(link.error)} />}
      {link.isPending ? (
        <Spin />
      ) : link.data ? (
        <Card className="print-area" style={{ maxWidth: 640 }} {...tid('case-link-card')}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {link.data.communityName} {link.data.placeName !== link.data.communityName ? link.data.placeName : ''}
          </Typography.Title>
          <img
            src={`/api/case-links/${placeId}/qr.svg?v=${link.data.version}`}
            alt={t('casesConsole.link.scan')}
            width={260}
            height={260}
            style={{ display: 'block', margin: '8px 0', border: '1px solid #f0f0f0' }}
            {...tid('case-link-qr')}
          />
          <Typography.Paragraph strong style={{ fontSize: 18 }}>
            {t('casesConsole.link.scan')}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" className="no-print">
            <Descriptions.Item label={t('casesConsole.link.url')}>
              <Typography.Text copyable={{ text: url }} {...tid('case-link-url')}>
                {url}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('casesConsole.link.version')}>{link.data.version}</Descriptions.Item>
          </Descriptions>
          <Space className="no-print" style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => window.print()} {...tid('case-link-print')}>
              {t('casesConsole.link.print')}
            </Button>
            <Button danger onClick={() => setConfirming(true)} {...tid('case-link-rotate')}>
              {t('casesConsole.link.rotate')}
            </Button>
          </Space>
        </Card>
      ) : null}
      <ActionModal
        open={confirming}
        title={t('casesConsole.link.rotate')}
        okText={t('casesConsole.link.rotate')}
        danger
        testId="case-link-rotate"
        onOk={async () => {
          const fresh = await call(api.caseLinks.rotateCaseLink, { params: { placeId } });
          qc.setQueryData(['case-link', placeId], fresh);
          void message.success(t('casesConsole.link.rotated'));
          setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        {t('casesConsole.link.rotateConfirm')}
      </ActionModal>
    </Space>
  );
}
