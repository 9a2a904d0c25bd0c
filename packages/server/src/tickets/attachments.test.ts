import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { attachments } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeWorld, type TTestUser } from '../test/factories.js';

const app = useApp();

type TPart = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** A multipart/form-data body as a browser sends it: parts in the given order, file names in UTF-8. */
function multipart(parts: TPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----HamkkeBoundary${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(app: () => FastifyInstance, user: TTestUser, ticketId: string, parts: TPart[]) {
  const { payload, contentType } = multipart(parts);
  return app().inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments`,
    headers: { cookie: user.cookie, 'content-type': contentType },
    payload,
  });
}

function download(app: () => FastifyInstance, user: TTestUser, ticketId: string, attachmentId: string) {
  return app().inject({
    method: 'GET',
    url: `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`,
    headers: { cookie: user.cookie },
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file under a directory, however deep. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function ticketOf(w: Awaited<ReturnType<typeof makeWorld>>) {
  const res = await client(app, { cookie: w.customer.cookie }).post('/tickets', { title: '첨부 파일 확인' });
  expect(res.statusCode).toBe(201);
  return res.data.id as string;
}

describe('attachments', () => {
  it('stores an upload with a Korean name and gives back the same bytes under that name', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const data = Buffer.concat([Buffer.from('전표 번호,금액\n5100000123,1000000\n'), randomBytes(512)]);
    const filename = '오류 화면 캡처 (ME21N).csv';
    const res = await upload(app, w.customer, ticketId, [{ name: 'file', filename, type: 'text/csv', data }]);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.filename).toBe(filename);
    expect(created.size).toBe(data.length);
    expect(created.sha256).toBe(sha256(data));
    expect(created.contentType).toBe('text/csv');
    expect(created.visibility).toBe('public');
    expect(created.uploader).toEqual({ id: w.customer.id, name: w.customer.name });

    for (const who of [w.customer, w.agent]) {
      const got = await download(app, who, ticketId, created.id);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(data)).toBe(true);
      expect(got.headers['content-type']).toContain('text/csv');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      const disposition = String(got.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment;/);
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      expect(encoded && decodeURIComponent(encoded)).toBe(filename);
    }

    const timeline = await client(app, { cookie: w.customer.cookie }).get(`/tickets/${ticketId}/timeline`);
    const item = timeline.data.items.find((i: { kind: string }) => i.kind === 'attachment');
    expect(item.attachment.id).toBe(created.id);
    expect(item.actor.id).toBe(w.customer.id);
  });

  it('hides an internal attachment from the customer', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const data = Buffer.from('SM21 시스템 로그 발췌');
    const res = await upload(app, w.agent, ticketId, [
      { name: 'visibility', value: 'internal' },
      { name: 'file', filename: '내부 분석.txt', type: 'text/plain', data },
    ]);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.visibility).toBe('internal');

    expect((await download(app, w.agent, ticketId, created.id)).statusCode).toBe(200);
    const hidden = await download(app, w.customer, ticketId, created.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect(hidden.body).not.toContain('SM21');

    const customerTimeline = await client(app, { cookie: w.customer.cookie }).get(
      `/tickets/${ticketId}/timeline`,
    );
    expect(customerTimeline.data.items.map((i: { kind: string }) => i.kind)).toEqual(['created']);
    expect(customerTimeline.body).not.toContain('내부 분석');
    const staffTimeline = await client(app, { cookie: w.agent.cookie }).get(`/tickets/${ticketId}/timeline`);
    expect(staffTimeline.data.items.map((i: { kind: string }) => i.kind)).toEqual(['created', 'attachment']);
  });

  it('lets no customer upload an internal attachment, nor a viewer any', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const file = { name: 'file', filename: 'a.txt', type: 'text/plain', data: Buffer.from('a') };
    const byCustomer = await upload(app, w.customer, ticketId, [
      { name: 'visibility', value: 'internal' },
      file,
    ]);
    expect(byCustomer.statusCode).toBe(403);
    expect((await upload(app, w.viewer, ticketId, [file])).statusCode).toBe(403);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, ticketId))).toEqual([]);
  });

  it('refuses an unknown visibility instead of publishing the file', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const res = await upload(app, w.agent, ticketId, [
      { name: 'visibility', value: 'intern' },
      { name: 'file', filename: 'a.txt', type: 'text/plain', data: Buffer.from('a') },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('visibility');
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, ticketId))).toEqual([]);
  });

  it('drops control characters from a file name and keeps the rest of it', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const res = await upload(app, w.agent, ticketId, [
      { name: 'file', filename: '점검\u0000결과\u0001.txt', type: 'text/plain', data: Buffer.from('ok') },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().filename).toBe('점검결과.txt');
    const travel = await upload(app, w.agent, ticketId, [
      { name: 'file', filename: '../../etc/passwd', type: 'text/plain', data: Buffer.from('ok') },
    ]);
    expect(travel.json().filename).toBe('passwd');
  });

  it('takes no public file on a closed ticket, but an internal one for the record', async () => {
    const w = await makeWorld();
    const id = await ticketOf(w);
    const agent = client(app, { cookie: w.agent.cookie });
    for (const status of ['resolved', 'closed'])
      expect((await agent.patch(`/tickets/${id}`, { status })).statusCode).toBe(200);
    const file = { name: 'file', filename: 'log.txt', type: 'text/plain', data: Buffer.from('dump') };
    expect((await upload(app, w.customer, id, [file])).statusCode).toBe(409);
    const internal = await upload(app, w.agent, id, [{ name: 'visibility', value: 'internal' }, file]);
    expect(internal.statusCode).toBe(201);
  });

  it('answers 400 to an upload without a file', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const fieldsOnly = await upload(app, w.agent, ticketId, [{ name: 'visibility', value: 'public' }]);
    expect(fieldsOnly.statusCode).toBe(400);
    expect(fieldsOnly.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOnly.json().errors[0].path).toBe('file');
    const wrongField = await upload(app, w.agent, ticketId, [
      { name: 'upload', filename: 'a.txt', type: 'text/plain', data: Buffer.from('a') },
    ]);
    expect(wrongField.statusCode).toBe(400);
    const json = await client(app, { cookie: w.agent.cookie }).post(`/tickets/${ticketId}/attachments`, {
      file: 'a.txt',
    });
    expect(json.statusCode).toBe(400);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, ticketId))).toEqual([]);
  });

  it("answers 404 for another organization's ticket and stores nothing", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const ticketId = await ticketOf(w);
    const res = await upload(app, other.customer, ticketId, [
      { name: 'file', filename: 'a.txt', type: 'text/plain', data: Buffer.from('a') },
    ]);
    expect(res.statusCode).toBe(404);
    const created = await upload(app, w.customer, ticketId, [
      { name: 'file', filename: 'b.txt', type: 'text/plain', data: Buffer.from('b') },
    ]);
    expect((await download(app, other.customer, ticketId, created.json().id)).statusCode).toBe(404);
  });
});

describe('attachments over the size limit', () => {
  // An app of its own with a 1 MB limit and a data directory no other test writes to.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-upload-limit-'));
  const small = useApp({ HAMKKE_DATA_DIR: dataDir, HAMKKE_MAX_UPLOAD_MB: '1' });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a file over the limit with 413 and keeps neither a row nor a file', async () => {
    const w = await makeWorld();
    const ticketId = await ticketOf(w);
    const res = await upload(small, w.agent, ticketId, [
      {
        name: 'file',
        filename: '대용량 덤프.bin',
        type: 'application/octet-stream',
        data: randomBytes(1024 * 1024 + 1),
      },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('1MB');
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, ticketId))).toEqual([]);
    expect(filesUnder(path.join(dataDir, 'attachments'))).toEqual([]);
    const timeline = await client(small, { cookie: w.agent.cookie }).get(`/tickets/${ticketId}/timeline`);
    expect(timeline.data.items.map((i: { kind: string }) => i.kind)).toEqual(['created']);

    const fits = await upload(small, w.agent, ticketId, [
      {
        name: 'file',
        filename: '작은 파일.bin',
        type: 'application/octet-stream',
        data: randomBytes(1024 * 1024),
      },
    ]);
    expect(fits.statusCode).toBe(201);
    expect(filesUnder(path.join(dataDir, 'attachments'))).toHaveLength(1);
  });
});
