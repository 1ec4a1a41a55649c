import { api } from '@linli/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './linli.ts';
import type { Load, MeasuredStep as Step } from './measure.ts';

export const SECRETARY = '13800000003'; // 孙丽, secretary of 银杏社区
export const DISTRICT_ADMIN = '13800000001'; // 赵明, district admin of 临江区
export const LISTING = `${api.join.listApplications.url}?status=pending&limit=50`;
export const TREE = api.org.orgTree.url;

export type { Step };

const get = (path: string, cookie?: string) => ({ method: 'GET', path, ...(cookie ? { headers: { cookie } } : {}) });

/** What is measured: each Linli route, then the bare routes it is compared with. */
export function plan(t: { linli: string; base: string; secretary: string; admin: string }): Step[] {
  // Each connection cycles through every demo account (they all share the demo password's hash).
  const logins = DEMO_ACCOUNTS.map((a) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: a.phone, password: DEMO_PASSWORD }),
  }));
  const linli = (name: string, requests: Load['requests']): Load => ({ name, target: 'linli', url: t.linli, requests });
  const bare = (name: string, requests: Load['requests']): Load => ({
    name,
    target: 'baseline',
    url: t.base,
    requests,
  });
  return [
    {
      name: 'login',
      linli: linli(
        'POST /api/auth/login',
        logins.map((l) => ({ ...l, path: api.auth.login.url })),
      ),
      baselines: [
        bare(
          'bare argon2id verify',
          logins.map((l) => ({ ...l, path: '/login' })),
        ),
      ],
    },
    {
      name: 'listing',
      linli: linli('GET /api/join-applications (secretary)', [get(LISTING, t.secretary)]),
      baselines: [
        bare('bare static JSON (same body)', [get('/static/listing')]),
        bare('bare raw SQL (page + total)', [get('/sql/listing')]),
      ],
    },
    {
      name: 'tree',
      linli: linli('GET /api/org/tree (district admin)', [get(TREE, t.admin)]),
      baselines: [
        bare('bare static JSON (same body)', [get('/static/tree')]),
        bare('bare raw SQL (same query)', [get('/sql/tree')]),
      ],
    },
  ];
}
