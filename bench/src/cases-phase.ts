/**
 * The cases phase: grows the district, writes the template cases through the API, generates the cases,
 * checks that generated case pages render, signs the measured people in and starts the bare baselines.
 */
import { sql } from 'kysely';
import { type CaseBaselineInput, INTAKE_TABLE, startCaseBaselines, statusIn } from './cases-baselines.ts';
import { generateCases } from './cases-data.ts';
import { DESCRIPTIONS } from './cases-descriptions.ts';
import { intakeCopier } from './cases-intake-copy.ts';
import { growDistrict, type OrgSize } from './cases-org.ts';
import {
  BOX_STATUSES,
  BOXES,
  type Cadre,
  casePlan,
  detailKey,
  INTAKE_SAME_ROWS,
  inboxKey,
  inboxUrl,
} from './cases-plan.ts';
import { createTemplates, demoCast } from './cases-templates.ts';
import { DEMO_PASSWORD, type Running, session } from './linli.ts';
import type { Step } from './plan.ts';
import type { Scenario, Target } from './report.ts';

export interface CaseSettings {
  cases: number;
  org: OrgSize;
}

const DETAIL_IDS = 5000;
const fmt = (n: number) => n.toLocaleString('en-US');

async function fetchOk(url: string, init: RequestInit = {}, status = 200): Promise<string> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== status) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

export async function prepareCases(server: Running, s: CaseSettings) {
  const { db } = server.linli.database;
  const url = server.url;
  let t0 = performance.now();
  const world = await growDistrict(db, s.org);
  const orgSeconds = Math.round(performance.now() - t0) / 1000;
  t0 = performance.now();
  const cast = await demoCast(db);
  const templates = await createTemplates(url, server.clock, cast);
  const templateSeconds = Math.round(performance.now() - t0) / 1000;
  console.log(
    `Grew the district in ${orgSeconds} s; ${templates.length} template cases through the API in ${templateSeconds} s.`,
  );
  const gen = await generateCases(db, {
    count: s.cases,
    templates,
    cast,
    measuredSecretary: world.secretary.userId,
    now: new Date(),
  });
  const loadSeconds = Math.round(Object.values(gen.seconds).reduce((a, b) => a + b, 0) * 10) / 10;
  console.log(
    `Generated ${fmt(gen.cases)} cases in ${loadSeconds} s: ${JSON.stringify(gen.rows)} ${JSON.stringify(gen.seconds)}`,
  );

  // The generated cases' pages must render: one of each template, as the district admin.
  const admin = await session(url, '13800000001', DEMO_PASSWORD);
  for (const sample of gen.samples) {
    const page = JSON.parse(await fetchOk(`${url}/api/cases/${sample.id}`, { headers: { cookie: admin.cookie } }));
    if (page.status !== sample.template.status || page.timeline.length !== sample.template.events)
      throw new Error(
        `generated case ${sample.id} (${sample.template.name}) renders as ${page.status}/${page.timeline.length}`,
      );
  }

  // The resident reports in a community outside both cadres' scopes, so intake leaves their inboxes alone.
  const [reporter] = (
    await sql<{ phone: string; community_id: string }>`
      SELECT u.phone, c.id AS community_id FROM role_grant g JOIN app_user u ON u.id = g.user_id
      JOIN org_node c ON c.id = g.node_id
      WHERE g.role = 'resident' AND c.sort_key >= 200000 AND c.parent_id <> ${world.dispatcher.streetId}
        AND c.id NOT IN (${sql.join(world.secretary.communityIds)}) ORDER BY c.id DESC LIMIT 1`.execute(db)
  ).rows;
  const sessions = {
    dispatcher: await session(url, world.dispatcher.phone, DEMO_PASSWORD),
    secretary: await session(url, world.secretary.phone, DEMO_PASSWORD),
    resident: await session(url, reporter!.phone, DEMO_PASSWORD),
  };
  const scopes: Record<Cadre, { column: 'street_id' | 'community_id'; ids: string[] }> = {
    dispatcher: { column: 'street_id', ids: [world.dispatcher.streetId] },
    secretary: { column: 'community_id', ids: world.secretary.communityIds },
  };
  const inScope = (who: Cadre) =>
    sql.join(
      scopes[who].ids.map((id) => sql`${sql.ref(scopes[who].column)} = ${id}`),
      sql` OR `,
    );
  const ids = {} as Record<Cadre, string[]>;
  const inScopeCount = {} as Record<Cadre, number>;
  const inboxes: CaseBaselineInput['inboxes'] = {};
  const bodies: Record<string, string> = {};
  const workload: Record<string, string> = {};
  for (const who of ['dispatcher', 'secretary'] as Cadre[]) {
    const all = await sql<{ id: string }>`SELECT id FROM case_record WHERE ${inScope(who)}`.execute(db);
    inScopeCount[who] = all.rows.length;
    ids[who] = all.rows
      .map((r) => r.id)
      .sort(() => Math.random() - 0.5)
      .slice(0, DETAIL_IDS);
    for (const box of BOXES) {
      const key = inboxKey(who, box);
      bodies[key] = await fetchOk(url + inboxUrl(box), { headers: { cookie: sessions[who].cookie } });
      inboxes[key] = { ...scopes[who], statuses: BOX_STATUSES[who][box] };
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_record x
        WHERE (${inScope(who)}) ${statusIn(BOX_STATUSES[who][box])}`.execute(db);
      const shown = JSON.parse(bodies[key]!).items.length;
      workload[`inbox ${box} (${who})`] =
        `${shown} of ${fmt(n.rows[0]!.n)} cases in the box; ${fmt(bodies[key]!.length)} bytes`;
    }
    bodies[detailKey(who)] = await fetchOk(`${url}/api/cases/${ids[who][0]}`, {
      headers: { cookie: sessions[who].cookie },
    });
  }
  const places = await sql<{ id: string }>`
    SELECT id FROM org_node WHERE community_id = ${reporter!.community_id} AND type = 'building' ORDER BY id LIMIT 10`.execute(
    db,
  );
  const intakeBodies = DESCRIPTIONS.courtyard.map((description, i) =>
    JSON.stringify({
      categoryId: i % 2 ? '108' : '102',
      description,
      placeId: places.rows[i % places.rows.length]!.id,
      location: { lat: 31.2 + i / 1000, lng: 121.47 },
    }),
  );
  const intakeBody = await fetchOk(
    `${url}/api/cases`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: sessions.resident.cookie,
        'x-csrf-token': sessions.resident.csrf,
      },
      body: intakeBodies[0],
    },
    201,
  );
  await sql`CREATE TABLE ${sql.table(INTAKE_TABLE)} (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL)`.execute(
    db,
  );
  const intakeCopy = await intakeCopier(db, JSON.parse(intakeBody).id);
  // The copied rows must make a case Linli serves like the one it wrote itself.
  const copied = JSON.parse(
    await fetchOk(`${url}/api/cases/${await intakeCopy.write({ description: '楼道灯坏了' })}`, {
      headers: { cookie: admin.cookie },
    }),
  );
  if (copied.status !== 'submitted' || copied.timeline.length !== 1)
    throw new Error(`the same-rows intake baseline wrote a case that renders as ${copied.status}`);
  const base = await startCaseBaselines({ db, inboxes, bodies, intakeBody, intakeCopy });
  // The SQL baselines must answer what Linli answers, or the comparison means nothing.
  for (const [key, body] of Object.entries(inboxes)) {
    const want = (JSON.parse(bodies[key]!).items as { id: string }[]).map((i) => i.id).join();
    const got = (JSON.parse(await fetchOk(`${base.url}/sql/inbox/${key}`)).items as { id: string }[])
      .map((i) => i.id)
      .join();
    if (want !== got)
      throw new Error(`the SQL inbox baseline ${key} (${JSON.stringify(body)}) does not return Linli's page`);
  }
  const steps: Step[] = casePlan({ linli: url, base: base.url, sessions, ids, intakeBodies });
  Object.assign(workload, {
    cases: `${fmt(gen.cases)} generated over ${s.org.communities} communities / ${s.org.streets} streets from ${templates.length} workflow templates; ${fmt(gen.rows.case_event)} events, ${fmt(gen.rows.case_reporter)} reporters, ${fmt(gen.rows.case_assignment)} assignments`,
    'load time': `${loadSeconds} s (${Object.entries(gen.seconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')}); org growth ${orgSeconds} s, templates ${templateSeconds} s`,
    dispatcher: `street dispatcher of one street (${world.dispatcher.paths.length} grant), ${fmt(inScopeCount.dispatcher)} cases in scope`,
    secretary: `community secretary with grants in ${world.secretary.communityIds.length} communities of different streets, ${fmt(inScopeCount.secretary)} cases in scope`,
    'case detail': `random among ${fmt(ids.dispatcher.length)} / ${fmt(ids.secretary.length)} ids in scope; one page ${fmt(bodies[detailKey('dispatcher')]!.length)} bytes`,
    intake: `a resident reports at buildings of their community (${intakeBodies.length} bodies in turn); response ${fmt(intakeBody.length)} bytes; the one-row baseline writes ${INTAKE_TABLE}, the same-rows baseline copies Linli's rows of that report`,
  });
  return {
    steps,
    workload,
    async close() {
      await base.app.close();
      await sql`DROP TABLE ${sql.table(INTAKE_TABLE)}`.execute(db);
    },
  };
}

/**
 * The issue's done-when. Latency: inbox and case page p99 ≤ 50 ms, for one request at a time (1 connection)
 * and under 10 concurrent connections. Throughput as a ratio to the bare Fastify route doing the same
 * database work: inbox ≥ 0.5 of the raw SQL inbox, intake ≥ 0.3 of the raw SQL writing the same rows.
 */
export function caseTargets(scenarios: Scenario[]): Target[] {
  const out: Target[] = [];
  const ratio = (s: Scenario, name: string) => {
    const b = s.baselines.find((x) => x.name === name);
    return b && b.reqPerSec > 0 ? s.linli.reqPerSec / b.reqPerSec : 0;
  };
  for (const s of scenarios) {
    if (s.name.startsWith('inbox') || s.name.startsWith('case detail')) {
      if (s.solo)
        out.push({ what: `${s.name}: p99, 1 connection`, value: s.solo.p99, target: '≤ 50 ms', ok: s.solo.p99 <= 50 });
      out.push({
        what: `${s.name}: p99, 10 connections`,
        value: s.linli.p99,
        target: '≤ 50 ms',
        ok: s.linli.p99 <= 50,
      });
    }
    if (s.name.startsWith('inbox')) {
      const r = ratio(s, 'bare raw SQL (page + names)');
      out.push({ what: `${s.name}: ratio to bare raw SQL`, value: r, target: '≥ 0.5', ok: r >= 0.5 });
    }
    if (s.name === 'intake') {
      const r = ratio(s, INTAKE_SAME_ROWS);
      out.push({ what: 'intake: ratio to bare raw SQL (same rows)', value: r, target: '≥ 0.3', ok: r >= 0.3 });
    }
  }
  return out;
}
