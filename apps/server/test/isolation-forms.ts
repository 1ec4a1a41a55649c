import { expect } from 'vitest';
import type { TestClient } from '../src/testing/index.ts';
import { uploadPhoto } from './case-helpers.ts';

/**
 * A district form sent to community A: its task is A's (docs/adr/0015-data-collection-forms.md), with a
 * draft answer holding a photo the filler uploaded (the district admin holds the committee's powers).
 */
export async function formOfA(admin: TestClient, district: string, communityA: string) {
  const f = await admin.post<{ id: string; version: number }>('/api/forms', {
    ownerNodeId: district,
    title: '银杏社区情况',
    fields: [
      { key: 'x', label: '情况说明', type: 'text' },
      { key: 'pic', label: '现场照片', type: 'photo' },
    ],
  });
  expect(f.status, f.text).toBe(201);
  const s = await admin.post<{ tasks: { taskId: string }[] }>(`/api/forms/${f.body.id}/send`, {
    version: f.body.version,
    targetNodeIds: [communityA],
    deadline: '2027-06-30T12:00:00+08:00',
  });
  expect(s.status, s.text).toBe(201);
  const task = `/api/form-tasks/${s.body.tasks[0]!.taskId}`;
  const formPhotoA = await uploadPhoto(admin, 91);
  const version = (await admin.get<{ version: number }>(task)).body.version;
  const d = await admin.request('PUT', task, { version, answers: { pic: formPhotoA } });
  expect(d.status, d.text).toBe(200);
  return { formA: f.body.id, formTaskA: s.body.tasks[0]!.taskId, formPhotoA };
}
