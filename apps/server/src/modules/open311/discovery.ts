import type { Platform } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/messages.ts';

/** When this endpoint's behaviour last changed (the specification's `changeset`). */
const CHANGESET = '2026-11-24T00:00:00+08:00';

/** GeoReport v2 discovery: where the endpoint is and what it speaks. */
export const discovery = (p: Platform, lang: Lang) => ({
  changeset: CHANGESET,
  contact:
    lang === 'en' ? 'The district administration of this Linli installation' : '本平台所在区的管理员(区城运中心)',
  key_service:
    lang === 'en'
      ? 'API keys are issued by a district administrator in the Linli console (Developer page).'
      : 'API 密钥由区管理员在邻里后台「开放平台」页面创建。',
  endpoints: [
    {
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${p.config.publicUrl}/open311/v2`,
      changeset: CHANGESET,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    },
  ],
});
