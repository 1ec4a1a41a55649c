import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../src/testing/index.ts';
import { dbState, type WithDb } from './helpers.ts';

export type Field = Record<string, unknown>;
export interface TaskView {
  id: string;
  formId: string;
  status: string;
  version: number;
  versionNo: number;
  targetNodeId: string;
  fields: Field[];
  prefill: Record<string, unknown>;
  answers: Record<string, unknown>;
  corrections: { key: string; registry: unknown; answer: unknown }[];
  abilities: { edit: boolean; submit: boolean };
}
export interface FormView {
  id: string;
  version: number;
  currentVersion: number;
  sent: boolean;
  fields: Field[];
}

/** Six fields the registry answers and two a worker types (the issue's browser scenario). */
export const EIGHT_FIELDS: Field[] = [
  { key: 'people', label: '实有人口', type: 'number', binding: { kind: 'people' } },
  { key: 'households', label: '户数', type: 'number', binding: { kind: 'households' } },
  { key: 'elderly', label: '60岁以上人数', type: 'number', binding: { kind: 'age_count', minAge: 60 } },
  { key: 'alone', label: '独居老人人数', type: 'number', binding: { kind: 'tag_count', tag: 'elderly_alone' } },
  { key: 'party', label: '党员人数', type: 'number', binding: { kind: 'tag_count', tag: 'party_member' } },
  { key: 'area', label: '住房总面积', type: 'number', binding: { kind: 'floor_area' } },
  { key: 'heating', label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'], required: true },
  { key: 'note', label: '取暖困难说明', type: 'text', required: true, showIf: { field: 'heating', equals: '无' } },
];

/** Row counts of the forms tables plus the platform's (nothing written = all equal). */
export async function formState(t: WithDb) {
  const r = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM form) AS forms,
    (SELECT coalesce(sum(version), 0) FROM form) AS form_versions,
    (SELECT count(*) FROM form_version) AS versions,
    (SELECT count(*) FROM form_send) AS sends,
    (SELECT count(*) FROM form_task) AS tasks,
    (SELECT coalesce(sum(version), 0) FROM form_task) AS task_versions`.execute(t.database.db);
  return { ...(await dbState(t)), ...Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)])) };
}

export async function formNothingWritten<T>(t: WithDb, fn: () => Promise<T>): Promise<T> {
  const before = await formState(t);
  const out = await fn();
  expect(await formState(t)).toEqual(before);
  return out;
}

export async function createForm(c: TestClient, ownerNodeId: string, fields: Field[], title = '冬季取暖摸底') {
  const res = await c.post<FormView>('/api/forms', { ownerNodeId, title, fields });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function sendForm(c: TestClient, t: TestApp, form: FormView, targets: string[], hours = 48) {
  const deadline = new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
  const res = await c.post<{ tasks: { taskId: string; targetNodeId: string; status: string }[] }>(
    `/api/forms/${form.id}/send`,
    { version: form.version, targetNodeIds: targets, deadline },
  );
  expect(res.status, res.text).toBe(201);
  return res.body.tasks;
}

/** The registry's figures under a node, counted straight from the tables (independently of the module). */
export async function registryFigures(t: WithDb, path: string, today: string) {
  const sixtyBy = `${Number(today.slice(0, 4)) - 60}${today.slice(4)}`;
  const r = await sql<Record<string, string>>`
    WITH ppl AS (
      SELECT p.* FROM person p JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
      JOIN org_node cn ON cn.id = p.community_id LEFT JOIN org_node rn ON rn.id = h.address_node_id
      WHERE coalesce(rn.path, cn.path) LIKE ${`${path}%`})
    SELECT (SELECT count(*) FROM ppl) AS people,
      (SELECT count(DISTINCT household_id) FROM ppl) AS households,
      (SELECT count(*) FROM ppl WHERE birth_date <= ${sixtyBy}) AS elderly,
      (SELECT count(*) FROM ppl WHERE EXISTS (SELECT 1 FROM person_tag pt WHERE pt.community_id = ppl.community_id
        AND pt.person_id = ppl.id AND pt.tag_code = 'elderly_alone' AND (pt.valid_to IS NULL OR pt.valid_to >= ${today}))) AS alone,
      (SELECT count(*) FROM ppl WHERE EXISTS (SELECT 1 FROM person_tag pt WHERE pt.community_id = ppl.community_id
        AND pt.person_id = ppl.id AND pt.tag_code = 'party_member' AND (pt.valid_to IS NULL OR pt.valid_to >= ${today}))) AS party,
      (SELECT coalesce(sum(hu.floor_area), 0) FROM housing_unit hu JOIN org_node n ON n.id = hu.node_id
        WHERE n.path LIKE ${`${path}%`}) AS area`.execute(t.database.db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

export const put = <T = unknown>(c: TestClient, url: string, body: unknown) => c.request<T>('PUT', url, body);

/** A 422 form_invalid whose first field error has this code and path. */
export function expectFieldError(res: { status: number; text: string; body: unknown }, code: string, path: string) {
  expect(res.status, res.text).toBe(422);
  const errors = (res.body as { errors?: { path: string; code: string }[] }).errors ?? [];
  expect(errors[0], res.text).toMatchObject({ path, code });
}
