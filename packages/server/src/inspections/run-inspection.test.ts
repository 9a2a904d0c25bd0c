import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { auditLog, inspectionTemplates } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeUser, makeWorld } from '../test/factories.js';
import { uploadOf } from '../test/scene.js';
import { SHORT_BASIS } from './inspections.fixtures.js';
import { BASIS_MONTHLY, ensureStandardTemplates } from './standard-templates.js';

const app = useApp();

type TItem = {
  id: string;
  title: string;
  answer: null | { result: string; followUp: null | { number: string } };
};

/** A world, a template made by its manager, and an inspection ticket of its agent with the checklist started. */
async function inspectionTicket() {
  const w = await makeWorld();
  const manager = client(app, { cookie: w.manager.cookie });
  const agent = client(app, { cookie: w.agent.cookie });
  const template = await manager.post('/inspection-templates', SHORT_BASIS);
  expect(template.statusCode, template.body).toBe(201);
  const ticket = await agent.post('/tickets', {
    organizationId: w.org.id,
    systemId: w.system.id,
    type: 'inspection',
    title: '2026년 11월 PRD 정기 점검',
    module: 'BC',
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  const started = await agent.post(`/tickets/${ticket.data.id}/inspection`, { templateId: template.data.id });
  expect(started.statusCode, started.body).toBe(201);
  return {
    w,
    manager,
    agent,
    template: template.data,
    ticket: ticket.data,
    url: `/tickets/${ticket.data.id}/inspection`,
  };
}

describe('checklist templates', () => {
  it('versions a template on edit, while a started inspection keeps the version it started with', async () => {
    const { manager, agent, template, url } = await inspectionTicket();
    expect(template).toMatchObject({ version: 1, currentVersion: 1, module: 'BC' });
    const edited = await manager.patch(`/inspection-templates/${template.id}`, {
      items: [
        ...SHORT_BASIS.items.map((i) => (i.id === 'st22' ? { ...i, title: '덤프 (ST22) — 유형별' } : i)),
        {
          id: 'sm13',
          area: 'Basis',
          title: '업데이트 오류 (SM13)',
          guide: 'SM13 Error 조회',
          expected: '0건',
        },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.data).toMatchObject({ version: 2, currentVersion: 2 });
    expect(edited.data.items).toHaveLength(4);

    const running = await agent.get(url);
    expect(running.data.template.version).toBe(1);
    expect(running.data.items.map((i: TItem) => i.title)).toEqual([
      '잡 로그 (SM37)',
      '덤프 (ST22)',
      'DB 증가량 (DB02)',
    ]);
    const v1 = await agent.get(`/inspection-templates/${template.id}/versions/1`);
    expect(v1.data.items).toHaveLength(3);
    expect((await agent.get(`/inspection-templates/${template.id}`)).data.version).toBe(2);

    // isActive alone is no new version.
    const retired = await manager.patch(`/inspection-templates/${template.id}`, { isActive: false });
    expect(retired.data).toMatchObject({ version: 2, isActive: false });
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'inspection_template'), eq(auditLog.entityId, template.id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect((await agent.patch(`/inspection-templates/${template.id}`, { name: 'x' })).statusCode).toBe(403);
  });
});

describe('the standard templates', () => {
  it('seeds the Korean Basis and FI templates once, also when processes start together', async () => {
    await Promise.all([1, 2, 3].map(() => db.transaction((tx) => ensureStandardTemplates(tx))));
    const rows = await db
      .select({ key: inspectionTemplates.key })
      .from(inspectionTemplates)
      .where(inArray(inspectionTemplates.key, ['basis-monthly', 'fi-monthly']));
    expect(rows.map((r) => r.key).sort()).toEqual(['basis-monthly', 'fi-monthly']);
    const w = await makeWorld();
    const list = await client(app, { cookie: w.agent.cookie }).get('/inspection-templates');
    const basis = list.data.items.find((t: { name: string }) => t.name === BASIS_MONTHLY.name);
    expect(basis.module).toBe('BC');
    expect(basis.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['sm37', 'st22', 'sm13', 'sm12', 'sp01', 'stms', 'db02']),
    );
    expect(basis.items[0]).toMatchObject({ area: 'Basis', title: '백그라운드 잡 로그 (SM37)' });
    expect(basis.items[0].expected).not.toBe('');
  });
});

describe('running an inspection', () => {
  it('refuses completion until every item is answered, naming the unanswered items in Korean and English', async () => {
    const { w, agent, url } = await inspectionTicket();
    await agent.put(`${url}/items/sm37`, { result: 'ok' });
    const ko = await agent.post(`${url}/complete`);
    expect(ko.statusCode).toBe(422);
    expect(ko.data.detail).toContain('미답변 2건');
    expect(ko.data.detail).toContain('덤프 (ST22)');
    expect(ko.data.errors.map((e: { path: string }) => e.path)).toEqual(['items.st22', 'items.db02']);
    const english = client(app, { cookie: (await makeUser('agent', null, { locale: 'en' })).cookie });
    const en = await english.post(`${url}/complete`);
    expect(en.data.detail).toContain('2 unanswered');
    expect(en.data.detail).toContain('DB 증가량 (DB02)');
    expect((await agent.get(`/tickets/${w.org.code}-000001`)).statusCode).toBe(200);
  });

  it('records answers with evidence, opens a linked follow-up for a failed item, and completes into a resolved ticket', async () => {
    const { w, agent, ticket, url } = await inspectionTicket();
    const upload = uploadOf('internal', 'DB02: PSAPSR3 92% used');
    const file = await app().inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      headers: { ...upload.headers, cookie: w.agent.cookie },
      payload: upload.body,
    });
    expect(file.statusCode, file.body).toBe(201);
    const fileId = JSON.parse(file.body).id;

    expect((await agent.put(`${url}/items/sm37`, { result: 'ok', note: '취소 잡 없음' })).statusCode).toBe(
      200,
    );
    await agent.put(`${url}/items/st22`, { result: 'warning', note: 'TIME_OUT 3건, ZFI_REPORT' });
    const failed = await agent.put(`${url}/items/db02`, {
      result: 'failed',
      note: 'PSAPSR3 테이블스페이스 92%',
      attachmentIds: [fileId],
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.data.summary).toEqual({ total: 3, ok: 1, warning: 1, failed: 1, unanswered: 0 });
    const db02 = failed.data.items.find((i: TItem) => i.id === 'db02');
    expect(db02.answer.attachments.map((a: { id: string }) => a.id)).toEqual([fileId]);

    const notEvidence = await agent.put(`${url}/items/sm37`, {
      result: 'ok',
      attachmentIds: [crypto.randomUUID()],
    });
    expect(notEvidence.statusCode).toBe(422);
    expect((await agent.put(`${url}/items/nope`, { result: 'ok' })).statusCode).toBe(404);

    expect((await agent.post(`${url}/items/st22/follow-up`)).statusCode).toBe(422);
    const followUp = await agent.post(`${url}/items/db02/follow-up`, {});
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect(followUp.data).toMatchObject({
      type: 'incident',
      organization: { id: w.org.id },
      systemId: w.system.id,
      title: '[점검 후속] DB 증가량 (DB02)',
    });
    expect(followUp.data.description).toContain(ticket.number);
    expect(followUp.data.description).toContain('PSAPSR3 테이블스페이스 92%');
    expect((await agent.post(`${url}/items/db02/follow-up`)).statusCode).toBe(409);
    const origin = await agent.get(`/tickets/${followUp.data.id}/timeline`);
    expect(origin.body).toContain(ticket.number);

    const done = await agent.post(`${url}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.data.completedAt).not.toBeNull();
    expect(done.data.completedBy.id).toBe(w.agent.id);
    expect(done.data.items.find((i: TItem) => i.id === 'db02').answer.followUp.number).toBe(
      followUp.data.number,
    );
    expect((await agent.get(`/tickets/${ticket.id}`)).data.status).toBe('resolved');

    const timeline = await agent.get(`/tickets/${ticket.id}/timeline`);
    const fields = timeline.data.items.flatMap(
      (i: { changes?: { field: string; to: unknown }[] }) => i.changes ?? [],
    );
    expect(fields.filter((c: { field: string }) => c.field === 'inspection_item')).toHaveLength(3);
    expect(fields).toContainEqual({
      field: 'inspection_follow_up',
      from: null,
      to: expect.objectContaining({ number: followUp.data.number }),
    });
    expect(fields).toContainEqual({ field: 'status', from: 'new', to: 'resolved' });
    expect(fields).toContainEqual({
      field: 'inspection',
      from: null,
      to: { completed: true, ok: 1, warning: 1, failed: 1, total: 3 },
    });
    expect((await agent.put(`${url}/items/sm37`, { result: 'warning' })).statusCode).toBe(409);
    expect((await agent.post(`${url}/complete`)).statusCode).toBe(409);

    // The history with its findings: what the monthly report and the meeting pack read.
    const history = await agent.get(`/inspections?organizationId=${w.org.id}&state=completed`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.data.items).toHaveLength(1);
    expect(history.data.items[0]).toMatchObject({
      ticketNumber: ticket.number,
      status: 'resolved',
      summary: { total: 3, ok: 1, warning: 1, failed: 1, unanswered: 0 },
      template: { version: 1 },
    });
    expect(history.data.items[0].findings).toEqual([
      expect.objectContaining({ itemId: 'st22', result: 'warning', followUp: null }),
      expect.objectContaining({
        itemId: 'db02',
        result: 'failed',
        followUp: expect.objectContaining({ number: followUp.data.number }),
      }),
    ]);
    expect((await agent.get(`/inspections?organizationId=${w.org.id}&state=open`)).data.items).toEqual([]);

    // The customer reads the results of their own system, without the internal evidence.
    const customer = await client(app, { cookie: w.customer.cookie }).get(url);
    expect(customer.statusCode).toBe(200);
    expect(customer.data.items.find((i: TItem) => i.id === 'db02').answer.attachments).toEqual([]);
    expect(
      (await client(app, { cookie: w.viewer.cookie }).put(`${url}/items/sm37`, { result: 'ok' })).statusCode,
    ).toBe(403);
    const stranger = await makeWorld();
    expect((await client(app, { cookie: stranger.customer.cookie }).get(url)).statusCode).toBe(404);
    const theirs = await client(app, { cookie: stranger.customer.cookie }).get(
      `/inspections?organizationId=${w.org.id}`,
    );
    expect(theirs.data.items).toEqual([]);
    const own = await client(app, { cookie: w.customer.cookie }).get('/inspections');
    expect(own.data.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([ticket.id]);
  });

  it('has no checklist on a ticket without one, and attaches one only to an inspection ticket', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const incident = await agent.post('/tickets', { organizationId: w.org.id, title: 'SM13 업데이트 오류' });
    expect((await agent.get(`/tickets/${incident.data.id}/inspection`)).statusCode).toBe(404);
    const template = await client(app, { cookie: w.manager.cookie }).post(
      '/inspection-templates',
      SHORT_BASIS,
    );
    const refused = await agent.post(`/tickets/${incident.data.id}/inspection`, {
      templateId: template.data.id,
    });
    expect(refused.statusCode).toBe(422);
  });
});
