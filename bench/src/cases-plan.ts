/** What the cases phase measures: inboxes, case pages and intake, each with its bare baselines. */
import { fileURLToPath } from 'node:url';
import { api } from '@linli/contracts';
import type { Request } from 'autocannon';
import type { Session } from './linli.ts';
import type { Load } from './measure.ts';
import type { Step } from './plan.ts';

export const INTAKE_SAME_ROWS = 'bare raw SQL (same rows, one transaction)';

/** Picks a random path per request (see pick.cjs). */
const PICK = fileURLToPath(new URL('./pick.cjs', import.meta.url));

export type Cadre = 'dispatcher' | 'secretary';
export type Box = 'to_accept' | 'handling' | 'all';
/** The boxes a cadre works from, and 全部 (every case in scope, newest first). */
export const BOXES: Box[] = ['to_accept', 'handling', 'all'];

/** The statuses of a box for each cadre's tier (listing.ts: BOX_STATUSES), for the raw SQL baseline; [] = any. */
export const BOX_STATUSES: Record<Cadre, Record<Box, string[]>> = {
  dispatcher: { to_accept: ['escalated', 'registered'], handling: ['dispatched'], all: [] },
  secretary: { to_accept: ['submitted'], handling: ['accepted'], all: [] },
};

export const inboxUrl = (box: Box) => `${api.cases.listCases.url}?box=${box}`;
export const inboxKey = (who: Cadre, box: Box) => `${who}-${box}`;
export const detailKey = (who: Cadre) => `detail-${who}`;

export interface CaseLoads {
  linli: string;
  base: string;
  sessions: Record<Cadre | 'resident', Session>;
  /** Case ids in each cadre's scope, requested at random. */
  ids: Record<Cadre, string[]>;
  /** POST /api/cases bodies the resident sends in turn. */
  intakeBodies: string[];
}

const get = (path: string, cookie?: string): Request => ({
  method: 'GET',
  path,
  ...(cookie ? { headers: { cookie } } : {}),
});
const random = (prefix: string, choices: string[], cookie?: string): Request => ({
  ...get(`${prefix}${choices[0]}`, cookie),
  setupRequest: PICK,
  pathPrefix: prefix,
  choices,
});

const LABEL: Record<Cadre, string> = { dispatcher: 'street dispatcher', secretary: 'secretary' };

export function casePlan(t: CaseLoads): Step[] {
  const linli = (name: string, requests: Request[]): Load => ({ name, target: 'linli', url: t.linli, requests });
  const bare = (name: string, requests: Request[]): Load => ({ name, target: 'baseline', url: t.base, requests });
  const cadres: Cadre[] = ['dispatcher', 'secretary'];
  const inboxes = cadres.flatMap((who) =>
    BOXES.map((box) => ({
      name: `inbox ${box} (${who})`,
      solo: true,
      linli: linli(`GET /api/cases?box=${box} (${LABEL[who]})`, [get(inboxUrl(box), t.sessions[who].cookie)]),
      baselines: [
        bare('bare static JSON (same body)', [get(`/static/${inboxKey(who, box)}`)]),
        bare('bare raw SQL (page + names)', [get(`/sql/inbox/${inboxKey(who, box)}`)]),
      ],
    })),
  );
  const details = cadres.map((who) => ({
    name: `case detail (${who})`,
    solo: true,
    linli: linli(`GET /api/cases/:id (${LABEL[who]}, random)`, [
      random('/api/cases/', t.ids[who], t.sessions[who].cookie),
    ]),
    baselines: [
      bare('bare static JSON (one case page)', [get(`/static/${detailKey(who)}`)]),
      bare('bare raw SQL (row + timeline, random)', [random('/sql/case/', t.ids[who])]),
    ],
  }));
  const r = t.sessions.resident;
  const posts = (path: string, auth: boolean): Request[] =>
    t.intakeBodies.map((body) => ({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', ...(auth ? { cookie: r.cookie, 'x-csrf-token': r.csrf } : {}) },
      body,
    }));
  const intake = {
    name: 'intake',
    linli: linli('POST /api/cases (resident)', posts(api.cases.reportCase.url, true)),
    baselines: [
      bare(INTAKE_SAME_ROWS, posts('/intake/same-rows', false)),
      bare('bare parse JSON + INSERT one row', posts('/intake/insert', false)),
      bare('bare parse JSON + 201 (no database)', posts('/intake/static', false)),
    ],
  };
  return [...inboxes, ...details, intake];
}
