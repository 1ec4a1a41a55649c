import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAttachable, attachmentMeta, readAttachment } from '../src/modules/attachments/service.ts';
import { AppError } from '../src/platform/http/errors.ts';
import type { TestResponse } from '../src/testing/client.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, expectProblem, nextIp, nothingWritten, PHONES, signIn } from './helpers.ts';

interface View {
  id: string;
  mime: string;
  size: number;
  width: number;
  height: number;
}

const seg = (marker: number, body: string) => {
  const b = Buffer.from(body, 'latin1');
  return Buffer.concat([Buffer.from([0xff, marker, (b.length + 2) >> 8, (b.length + 2) & 255]), b]);
};
/** A real 16×8 greyscale baseline JPEG (two blocks of DC 0), with extra segments after JFIF. */
const jpeg = (...extra: Buffer[]) =>
  Buffer.concat([
    Buffer.from('ffd8', 'hex'),
    seg(0xe0, 'JFIF\0\x01\x01\x00\x00\x48\x00\x48\x00\x00'),
    ...extra,
    seg(0xdb, `\0${'\x01'.repeat(64)}`),
    seg(0xc0, '\x08\x00\x08\x00\x10\x01\x01\x11\x00'),
    seg(0xc4, `\x00\x01${'\0'.repeat(15)}\x00`),
    seg(0xc4, `\x10\x01${'\0'.repeat(15)}\x00`),
    seg(0xda, '\x01\x01\x00\x00\x3f\x00'),
    Buffer.from([0x0f, 0xff, 0xd9]),
  ]);
/** Kept by the stripping, so it tells pictures apart (comments and Exif do not survive it). */
const icc = (tag: string) => seg(0xe2, `ICC_PROFILE\0\x01\x01${tag}`);
const GPS = seg(0xe1, 'Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1aGPS 31.2304N 121.4737E');
const png = (...extra: string[]) => {
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(td.length + 8);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc32(td), td.length + 4);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    ...extra.map((e) => chunk('tEXt', Buffer.from(e, 'latin1'))),
    chunk('IDAT', deflateSync(Buffer.alloc(8))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

let t: TestApp;
let resident: TestClient;
let other: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t, PHONES.residentA);
  other = await signIn(t, PHONES.residentD);
  admin = await signIn(t, PHONES.admin);
});
afterAll(() => t.close());

/** Posts raw bytes like a browser would (the JSON test client cannot), as `c` or anonymously. */
async function upload(
  c: TestClient | null,
  body: Buffer | Readable | undefined,
  type: string | null,
  opts: { url?: string; ip?: string; lang?: string } = {},
): Promise<TestResponse<View>> {
  const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'zh-CN' };
  if (type) headers['content-type'] = type;
  if (c?.cookie) headers.cookie = c.cookie;
  if (c?.csrf) headers['x-csrf-token'] = c.csrf;
  const res = await t.app.inject({
    method: 'POST',
    url: opts.url ?? '/api/attachments',
    headers,
    remoteAddress: opts.ip ?? c?.ip ?? '127.0.0.1',
    ...(body !== undefined ? { payload: body } : {}),
  });
  return { status: res.statusCode, headers: res.headers, body: res.json() as View, text: res.body };
}

const dataDir = () => t.platform.config.dataDir;
const storedFiles = () => {
  const root = join(dataDir(), 'attachments');
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()) : [];
};
const counts = async () => {
  const r = await sql<{ a: string; u: string }>`
    SELECT (SELECT count(*) FROM attachment) AS a, (SELECT count(*) FROM attachment_upload) AS u`.execute(
    t.database.db,
  );
  return { attachments: Number(r.rows[0]!.a), uploads: Number(r.rows[0]!.u), files: storedFiles().length };
};
/** A refused upload leaves no row, no file and no audit entry. */
async function refused(run: () => Promise<TestResponse<unknown>>, status: number, code: string) {
  const before = await counts();
  const res = await nothingWritten(t, run);
  expectProblem(res, status, code);
  expect(await counts()).toEqual(before);
  return res;
}

describe('uploading a photo', () => {
  it('stores it without its Exif/GPS block under its sha256, audits it, and shows it to the uploader', async () => {
    const res = await upload(resident, jpeg(GPS), 'image/jpeg');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ mime: 'image/jpeg', width: 16, height: 8 });
    const file = join(dataDir(), 'attachments', res.body.id.slice(0, 2), res.body.id);
    const stored = readFileSync(file);
    expect(sha256(stored)).toBe(res.body.id);
    expect(stored.length).toBe(res.body.size);
    expect(stored.includes('GPS')).toBe(false);
    expect(stored.includes('Exif')).toBe(false);

    const got = await t.app.inject({ url: `/api/attachments/${res.body.id}`, headers: { cookie: resident.cookie! } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(stored)).toBe(true);

    const entry = (await auditSearch(admin, { action: 'attachment.upload' })).find((e) => e.resourceId === res.body.id);
    expect(entry).toMatchObject({ actorName: '周敏', resourceType: 'attachment' });
  });

  it('keeps one file for the same picture, however often and with whatever metadata it is sent', async () => {
    const first = await upload(resident, png(), 'image/png');
    const before = await counts();
    const again = await upload(other, png('Author\0Wu Gang'), 'image/png');
    expect(again.status, again.text).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual({ ...before, uploads: before.uploads + 1 });
    // Both uploaders may preview it now.
    for (const c of [resident, other]) expect((await c.get(`/api/attachments/${first.body.id}`)).status).toBe(200);
  });

  it("is 404 for another user's upload and 401 without signing in", async () => {
    const mine = await upload(resident, jpeg(seg(0xfe, 'a comment'), icc('mine')), 'image/jpeg');
    const theirs = await upload(other, jpeg(icc('theirs')), 'image/jpeg');
    expectProblem(await other.get(`/api/attachments/${mine.body.id}`), 404, 'not_found');
    expectProblem(await resident.get(`/api/attachments/${theirs.body.id}`), 404, 'not_found');
    expectProblem(await resident.get(`/api/attachments/${'0'.repeat(64)}`), 404, 'not_found');
    expectProblem(await t.client().get(`/api/attachments/${mine.body.id}`), 401, 'unauthenticated');
    expectProblem(await resident.get('/api/attachments/..%2F..%2Fetc%2Fpasswd'), 422, 'validation_failed');
  });

  it('accepts exactly 10 MB (the comments are stripped) and refuses one byte more with 413 file_too_large', async () => {
    const filler = Array.from({ length: 161 }, () => seg(0xfe, 'x'.repeat(65_000)));
    const base = jpeg(...filler);
    const exact = jpeg(...filler, seg(0xfe, 'y'.repeat(10 * MB - base.length - 4)));
    expect(exact.length).toBe(10 * MB);
    const ok = await upload(resident, exact, 'image/jpeg');
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.size).toBeLessThan(1000);
    const tooBig = Buffer.concat([exact, Buffer.from([0])]);
    const res = await refused(() => upload(resident, tooBig, 'image/jpeg', { lang: 'en' }), 413, 'file_too_large');
    expect((res.body as { title: string }).title).toBe('The file is too large (at most 10 MB)');
    // Streamed without a length: cut off once the limit is passed.
    const stream = () => Readable.from([tooBig.subarray(0, 6 * MB), tooBig.subarray(6 * MB)]);
    await refused(() => upload(resident, stream(), 'image/jpeg'), 413, 'file_too_large');
  });

  it('refuses what is not a JPEG, PNG or WebP, or not what its type says, with 415 and writes nothing', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00;', 'latin1'), 'image/gif'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml'],
      [Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'image/png'],
      [Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00;', 'latin1'), 'image/jpeg'],
      [png(), 'image/jpeg'],
      [jpeg(), 'image/webp'],
      [jpeg(), 'application/octet-stream'],
      [Buffer.from('{"a":1}'), 'application/json'],
      [Buffer.from('a,b\n1,2'), 'text/csv'],
    ];
    for (const [bytes, type] of cases)
      await refused(() => upload(resident, bytes, type), 415, 'unsupported_media_type');
  });

  it('refuses an empty body (400), a broken image (422) and a missing CSRF token (403)', async () => {
    await refused(() => upload(resident, Buffer.alloc(0), 'image/jpeg'), 400, 'file_empty');
    await refused(() => upload(resident, undefined, null), 400, 'file_empty');
    await refused(() => upload(resident, jpeg().subarray(0, 100), 'image/jpeg'), 422, 'image_invalid');
    const noCsrf = () =>
      t.app
        .inject({
          method: 'POST',
          url: '/api/attachments',
          headers: { cookie: resident.cookie!, 'content-type': 'image/jpeg' },
          payload: jpeg(),
        })
        .then((r) => ({ status: r.statusCode, headers: r.headers, body: r.json(), text: r.body }));
    await refused(noCsrf, 403, 'csrf_failed');
  });

  it('asks for a sign-in before looking at the body', async () => {
    await refused(() => upload(null, jpeg(), 'image/jpeg'), 401, 'unauthenticated');
    await refused(() => upload(null, Buffer.from('{}'), 'application/json'), 401, 'unauthenticated');
  });
});

describe('uploading without an account', () => {
  it('is recorded with no uploader and the client address, and limited to 20 a minute per address', async () => {
    const ip = nextIp();
    const res = await upload(null, jpeg(icc('from the courtyard')), 'image/jpeg', {
      url: '/api/public/attachments',
      ip,
    });
    expect(res.status, res.text).toBe(201);
    const rows = await sql<{ uploaded_by: string | null; ip: string }>`
      SELECT uploaded_by, ip FROM attachment_upload WHERE attachment_id = ${res.body.id}`.execute(t.database.db);
    expect(rows.rows).toEqual([{ uploaded_by: null, ip }]);
    await refused(
      () => upload(null, png(), 'image/gif', { url: '/api/public/attachments', ip }),
      415,
      'unsupported_media_type',
    );
    for (let i = 0; i < 18; i++)
      expect((await upload(null, png(), 'image/png', { url: '/api/public/attachments', ip })).status).toBe(201);
    expectProblem(await upload(null, png(), 'image/png', { url: '/api/public/attachments', ip }), 429, 'rate_limited');
    const elsewhere = await upload(null, png(), 'image/png', { url: '/api/public/attachments', ip: nextIp() });
    expect(elsewhere.status).toBe(201);
  });
});

describe('what the cases module uses', () => {
  const db = () => t.database.db;
  const userId = async (phone: string) =>
    (await sql<{ id: string }>`SELECT id FROM app_user WHERE phone = ${phone}`.execute(db())).rows[0]!.id;
  const fails = async (p: Promise<void>) => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    return { status: (e as AppError).status, errors: (e as AppError).errors };
  };

  it('assertAttachable: only the reporter’s own uploads; without an account, same address within 24 hours', async () => {
    const mine = (await upload(resident, jpeg(icc('attach me')), 'image/jpeg')).body.id;
    const theirs = (await upload(other, jpeg(icc('not yours')), 'image/jpeg')).body.id;
    const ip = nextIp();
    const anon = (await upload(null, jpeg(icc('anon')), 'image/jpeg', { url: '/api/public/attachments', ip })).body.id;
    const me = { userId: await userId(PHONES.residentA) };
    await assertAttachable(db(), [mine], me, '/attachments');
    await assertAttachable(db(), [], me, '/attachments');
    expect(await fails(assertAttachable(db(), [mine, theirs, 'f'.repeat(64), anon], me, '/attachments'))).toEqual({
      status: 422,
      errors: [
        { path: '/attachments/1', code: 'not_found' },
        { path: '/attachments/2', code: 'not_found' },
        { path: '/attachments/3', code: 'not_found' },
      ],
    });
    const now = t.clock.now();
    await assertAttachable(db(), [anon], { userId: null, ip, now }, '/photos');
    expect((await fails(assertAttachable(db(), [anon], { userId: null, ip: nextIp(), now }, '/p'))).errors).toEqual([
      { path: '/p/0', code: 'not_found' },
    ]);
    expect((await fails(assertAttachable(db(), [mine], { userId: null, ip: resident.ip, now }, '/p'))).status).toBe(
      422,
    );
    const later = new Date(now.getTime() + 25 * 3600_000);
    expect((await fails(assertAttachable(db(), [anon], { userId: null, ip, now: later }, '/p'))).status).toBe(422);
    expect((await fails(assertAttachable(db(), [anon], { userId: null }, '/p'))).status).toBe(422);
  });

  it('readAttachment and attachmentMeta', async () => {
    const up = (await upload(resident, png('Title\0meta'), 'image/png')).body;
    const file = await readAttachment(t.platform, db(), up.id);
    expect(file?.mime).toBe('image/png');
    expect(sha256(file!.bytes)).toBe(up.id);
    expect(await readAttachment(t.platform, db(), 'e'.repeat(64))).toBeNull();
    expect(await readAttachment(t.platform, db(), '../secret')).toBeNull();
    const meta = await attachmentMeta(db(), [up.id, 'e'.repeat(64), up.id]);
    expect([...meta]).toEqual([[up.id, { mime: 'image/png', size: up.size, width: 3, height: 2 }]]);
  });
});
