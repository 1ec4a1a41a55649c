import { Space, Typography } from 'antd';
import { tid } from '../../shared/testid.ts';
import { useDevT } from './i18n.ts';
import { SsoLinksCard } from './SsoLinksCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { WebhooksCard } from './WebhooksCard.tsx';

/**
 * 开放平台 (`/console/developer`): API keys for external systems, webhook subscriptions with their delivery
 * logs, single sign-on links (when configured), and where the API documentation and the Open311 endpoint are.
 */
export function DeveloperPage() {
  const t = useDevT();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('developer-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 880 }}>
        {t('hint')}
      </Typography.Paragraph>
      <Space wrap>
        <Typography.Link href="/api/docs" target="_blank" {...tid('developer-docs')}>
          {t('docs')}
        </Typography.Link>
        <Typography.Text type="secondary">·</Typography.Text>
        <Typography.Text>{t('open311')}:</Typography.Text>
        <Typography.Link href="/open311/v2/discovery.json" target="_blank" {...tid('developer-open311')}>
          <Typography.Text code>{`${window.location.origin}/open311/v2/`}</Typography.Text>
        </Typography.Link>
      </Space>
      <TokensCard />
      <WebhooksCard />
      <SsoLinksCard />
    </Space>
  );
}
