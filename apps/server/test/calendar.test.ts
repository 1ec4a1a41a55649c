import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

interface DistrictCalendar {
  districtId: string;
  calendar: { holidays: string[]; workdays: string[]; hours: { from: string; to: string }[]; weekend: number[] };
  version: number;
  builtIn: boolean;
}

let t: TestApp;
let admin: TestClient;
let demo: Demo;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
});
afterAll(() => t.close());

const url = () => `/api/districts/${demo.district.id}/calendar`;
const calendar2027 = {
  timeZoneOffsetMinutes: 480,
  weekend: [0, 6],
  holidays: ['2027-01-01'],
  workdays: ['2027-01-02'],
  hours: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ],
};

describe("a district's working calendar", () => {
  it('starts from the built-in 2026 State Council schedule, readable by any signed-in user', async () => {
    const resident = await signIn(t, PHONES.residentA);
    const res = await resident.get<DistrictCalendar>(url());
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 0, builtIn: true });
    expect(res.body.calendar.holidays).toContain('2026-10-01');
    expect(res.body.calendar.workdays).toContain('2026-10-10');
    expectProblem(await resident.get(`/api/districts/${demo.A.id}/calendar`), 404, 'not_found');
  });

  it('is replaced by the district admin with a version guard, and audited', async () => {
    const first = await admin.request<DistrictCalendar>('PUT', url(), { version: 0, calendar: calendar2027 });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ version: 1, builtIn: false, calendar: calendar2027 });
    expectProblem(await admin.request('PUT', url(), { version: 0, calendar: calendar2027 }), 409, 'version_conflict');
    const second = await admin.request<DistrictCalendar>('PUT', url(), {
      version: 1,
      calendar: { ...calendar2027, holidays: ['2027-01-01', '2027-02-08'] },
    });
    expect(second.body.version).toBe(2);
    expect((await admin.get<DistrictCalendar>(url())).body.calendar.holidays).toEqual(['2027-01-01', '2027-02-08']);
    const entry = (await auditSearch(admin, { action: 'calendar.update' }))[0];
    expect(entry).toMatchObject({ actorName: '赵明', nodeId: demo.district.id });
  });

  it('refuses an inconsistent calendar naming the field, writing nothing', async () => {
    const current = (await admin.get<DistrictCalendar>(url())).body;
    await nothingWritten(t, async () => {
      const both = await admin.request('PUT', url(), {
        version: current.version,
        calendar: { ...calendar2027, workdays: ['2027-01-01'] },
      });
      expectProblem(both, 422, 'validation_failed', '/calendar/workdays');
      const overlap = await admin.request('PUT', url(), {
        version: current.version,
        calendar: {
          ...calendar2027,
          hours: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      });
      expectProblem(overlap, 422, 'validation_failed', '/calendar/hours');
      const badDate = await admin.request('PUT', url(), {
        version: current.version,
        calendar: { ...calendar2027, holidays: ['2027-02-30'] },
      });
      expectProblem(badDate, 422, 'validation_failed', '/calendar/holidays');
    });
  });

  it('is not changed by cadres below the district', async () => {
    const secretary = await signIn(t, PHONES.secretaryA);
    await nothingWritten(t, async () => {
      expectProblem(await secretary.request('PUT', url(), { version: 2, calendar: calendar2027 }), 403, 'forbidden');
    });
  });
});
