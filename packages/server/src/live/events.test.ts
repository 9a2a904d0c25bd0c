import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { client, useApp } from '../test/api.js';
import { makeScene } from '../test/scene.js';
import { openEventStream } from './live.fixtures.js';

const app = useApp();

describe('GET /events', () => {
  it('refuses a caller without a session with 401 problem+json', async () => {
    const res = await client(app).get('/events');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('streams a new ticket and its changes to staff, live', async () => {
    const s = await makeScene(app);
    const stream = await openEventStream(app(), s.viewer.cookie);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const agent = client(app, { cookie: s.agent.cookie });
      const created = await agent.post('/tickets', { organizationId: s.org.id, title: 'VF01 청구 오류' });
      expect(created.statusCode).toBe(201);
      const event = await stream.waitFor((e) => e.ticketId === created.data.id);
      expect(event).toEqual({
        ticketId: created.data.id,
        organizationId: s.org.id,
        kind: 'created',
        visibility: 'public',
      });
      await agent.post(`/tickets/${created.data.id}/comments`, { body: '내부 검토', visibility: 'internal' });
      await stream.waitFor((e) => e.ticketId === created.data.id && e.visibility === 'internal');
    } finally {
      stream.close();
    }
  });

  it("gives a customer their organization's public events only: no internal note, no other organization", async () => {
    const s = await makeScene(app);
    const [own, other] = await Promise.all([
      openEventStream(app(), s.customer.cookie),
      openEventStream(app(), s.otherCustomer.cookie),
    ]);
    try {
      const agent = client(app, { cookie: s.agent.cookie });
      const url = `/tickets/${s.ticket.id}`;
      expect(
        (await agent.post(`${url}/comments`, { body: '원인 분석 중', visibility: 'internal' })).statusCode,
      ).toBe(201);
      expect((await agent.patch(url, { team: 'Finance' })).statusCode).toBe(200);
      expect((await agent.post(`${url}/comments`, { body: '확인했습니다.' })).statusCode).toBe(201);
      // Notifications arrive in commit order: once the public reply is here, the internal ones would be too.
      await own.waitFor((e) => e.ticketId === s.ticket.id && e.kind === 'comment');
      expect(own.events.every((e) => e.organizationId === s.org.id && e.visibility === 'public')).toBe(true);
      expect(own.events.filter((e) => e.ticketId === s.ticket.id).map((e) => e.kind)).toEqual(['comment']);

      // The other organization's customer: their own ticket comes through, nothing of ours before it.
      const theirs = await client(app, { cookie: s.otherCustomer.cookie }).post('/tickets', {
        title: 'MIGO 입고 오류',
      });
      expect(theirs.statusCode).toBe(201);
      await other.waitFor((e) => e.ticketId === theirs.data.id);
      expect(other.events.every((e) => e.organizationId === s.otherOrg.id)).toBe(true);
      expect(own.events.some((e) => e.ticketId === theirs.data.id)).toBe(false);
    } finally {
      own.close();
      other.close();
    }
  });

  it('carries a change made through one server process to the streams of another', async () => {
    const s = await makeScene(app);
    const other = await buildApp(
      loadConfig({ HAMKKE_DATA_DIR: inject('dataDir'), HAMKKE_WEB_DIST: '/nonexistent' }),
      { logger: false },
    );
    await other.ready();
    const stream = await openEventStream(other, s.manager.cookie);
    try {
      const reply = await client(app, { cookie: s.agent.cookie }).post(`/tickets/${s.ticket.id}/comments`, {
        body: '다른 프로세스에서 보낸 답변',
      });
      expect(reply.statusCode).toBe(201);
      await stream.waitFor((e) => e.ticketId === s.ticket.id && e.kind === 'comment');
    } finally {
      // The server ends the stream as it closes (a fetch aborted first lingers in undici's pool).
      await other.close();
      stream.close();
    }
  });

  it('ends a stream soon after its user signs out', async () => {
    const s = await makeScene(app);
    process.env.HAMKKE_EVENTS_HEARTBEAT_SECONDS = '0.2';
    const own = await buildApp(
      loadConfig({ HAMKKE_DATA_DIR: inject('dataDir'), HAMKKE_WEB_DIST: '/nonexistent' }),
      { logger: false },
    );
    try {
      await own.ready();
      const stream = await openEventStream(own, s.agent.cookie);
      expect(stream.status).toBe(200);
      expect((await client(app, { cookie: s.agent.cookie }).post('/auth/logout')).statusCode).toBe(204);
      const ended = await Promise.race([
        stream.ended.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 3000)),
      ]);
      expect(ended).toBe(true);
    } finally {
      delete process.env.HAMKKE_EVENTS_HEARTBEAT_SECONDS;
      await own.close();
    }
  });

  it('ends open streams when the server closes, so that closing does not hang', async () => {
    const s = await makeScene(app);
    const own = await buildApp(
      loadConfig({ HAMKKE_DATA_DIR: inject('dataDir'), HAMKKE_WEB_DIST: '/nonexistent' }),
      { logger: false },
    );
    await own.ready();
    const stream = await openEventStream(own, s.agent.cookie);
    expect(stream.status).toBe(200);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(3000);
    stream.close();
  });
});
