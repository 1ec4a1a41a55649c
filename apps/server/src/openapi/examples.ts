/**
 * Hand-written examples for the routes integrators read first (sign-in, reporting a case, notices, tokens,
 * webhooks, Open311). Every other route's examples are synthesized from its schema (synthesize.ts). All
 * examples are validated against their schemas by test/openapi-contract.test.ts.
 */
export interface RouteExamples {
  body?: unknown;
  response?: unknown;
}

/** By contract route name (`namespace.route`, as in `api`). */
export const ROUTE_EXAMPLES: Record<string, RouteExamples> = {
  'auth.login': { body: { phone: '13800000003', password: 'Linli@2026' } },
  'auth.changePassword': { body: { currentPassword: 'Linli@2026', newPassword: 'Qingsong#2027' } },
  'cases.reportCase': {
    body: {
      categoryId: '3',
      description: '3号楼2单元楼道漏水,地面湿滑',
      placeId: '12',
      location: { lat: 30.2741, lng: 120.1551 },
      public: false,
    },
  },
  'notices.createNotice': {
    body: {
      nodeId: '12',
      category: 'notice',
      title: '银杏社区停水通知',
      body: '因管道检修,11 月 26 日 9:00—15:00 停水,请提前储水。',
      mustRead: true,
    },
  },
  'apiTokens.createApiToken': {
    body: { name: '12345 热线', nodeId: '3', scopes: ['cases.read', 'cases.write'], ratePerMinute: 120 },
  },
  'webhooks.createWebhook': {
    body: {
      name: '区城运中心',
      url: 'https://ops.example.gov.cn/linli/hooks',
      nodeId: '3',
      events: ['case.created', 'case.closed'],
    },
  },
};

/** Routes outside the contracts (Open311's form bodies, SSO redirects), by `METHOD path` in the document. */
export const PATH_EXAMPLES: Record<string, { form?: Record<string, string>; response?: unknown }> = {
  'POST /open311/v2/{name}': {
    form: {
      api_key: 'llk_…',
      service_code: 'SQ06',
      lat: '30.2741',
      long: '120.1551',
      description: '3号楼2单元楼道漏水',
      'attribute[public]': 'false',
    },
    response: [
      {
        service_request_id: '202611240001',
        token: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
        service_notice: '',
        account_id: null,
      },
    ],
  },
  'GET /open311/v2/{name}': {
    response: [
      {
        service_request_id: '202611240001',
        status: 'open',
        status_notes: null,
        service_name: '楼道漏水',
        service_code: 'SQ06',
        description: '3号楼2单元楼道漏水',
        agency_responsible: '银杏社区居委会',
        service_notice: null,
        requested_datetime: '2026-11-24T09:00:00+08:00',
        updated_datetime: '2026-11-24T09:40:00+08:00',
        expected_datetime: '2026-11-25T09:00:00+08:00',
        address: '银杏社区 3号楼',
        address_id: '12',
        zipcode: null,
        lat: 30.2741,
        long: 120.1551,
        media_url: null,
      },
    ],
  },
};
