import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { mailOutbox, notifications, reportRunItems, reportRuns } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeContract, makeOrganization, makeUser } from '../test/factories.js';
import { useOwnDatabase } from '../test/own-database.js';
import { makeNovemberScene } from './month-scene.fixtures.js';
import { drainReportRuns, reportWorkerIdle } from './report-worker.js';

// A database of its own: "every customer due a report" must not meet other files' organizations.
useOwnDatabase();
const app = useApp({
  HAMKKE_SMTP_URL: 'smtp://127.0.0.1:2525',
  HAMKKE_MAIL_FROM: 'hamkke@example.com',
  HAMKKE_PUBLIC_URL: 'https://hamkke.example.com',
});
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

describe('report runs', () => {
  it('generates every due customer once, skips signed reports, and lists the month', async () => {
    const s = await makeNovemberScene();
    const [due2, notDue, ended] = await Promise.all([
      makeOrganization(),
      makeOrganization(),
      makeOrganization(),
    ]);
    await Promise.all([
      makeContract(due2.id, { startsOn: '2026-01-01', endsOn: '2026-12-31', services: ['monthly_report'] }),
      makeContract(notDue.id, { startsOn: '2026-01-01', endsOn: '2026-12-31', services: ['support'] }),
      makeContract(ended.id, { startsOn: '2025-01-01', endsOn: '2026-10-31', services: ['monthly_report'] }),
    ]);
    const viewer = await makeUser('viewer');
    expect((await as(viewer).post('/reports/monthly/runs', { month: '2026-11' })).statusCode).toBe(403);
    expect((await as(s.customer).get('/reports/monthly?month=2026-11')).statusCode).toBe(403);

    const before = await as(viewer).get('/reports/monthly?month=2026-11');
    expect(before.data.items.map((i: { organization: { id: string }; status: string }) => i.status)).toEqual([
      'none',
      'none',
    ]);

    const created = await as(s.agent).post('/reports/monthly/runs', { month: '2026-11' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ month: '2026-11', total: 2, createdBy: { id: s.agent.id } });
    await reportWorkerIdle();
    const run = await as(viewer).get(`/reports/monthly/runs/${created.data.id}`);
    expect(run.data).toMatchObject({ status: 'finished', total: 2, done: 2, failed: 0 });
    expect(new Set(run.data.items.map((i: { organization: { id: string } }) => i.organization.id))).toEqual(
      new Set([s.org.id, due2.id]),
    );

    const listed = await as(viewer).get('/reports/monthly?month=2026-11');
    expect(listed.data.items).toHaveLength(2);
    expect(
      listed.data.items.every((i: { status: string; generatedAt: string }) => i.status === 'draft'),
    ).toBe(true);
    const draft = await as(viewer).get(`/organizations/${s.org.id}/reports/monthly?month=2026-11`);
    expect(draft.data.generatedAt).toBe(
      listed.data.items.find((i: { organization: { id: string } }) => i.organization.id === s.org.id)
        .generatedAt,
    );

    // Signed: a later run leaves it alone.
    expect(
      (await as(s.manager).post(`/organizations/${s.org.id}/reports/monthly/2026-11/sign-off`)).statusCode,
    ).toBe(200);
    const second = await as(s.manager).post('/reports/monthly/runs', {
      month: '2026-11',
      organizationIds: [s.org.id],
    });
    await reportWorkerIdle();
    const secondRun = await as(viewer).get(`/reports/monthly/runs/${second.data.id}`);
    expect(secondRun.data).toMatchObject({ status: 'finished', total: 1, done: 1 });
    expect(secondRun.data.items[0].status).toBe('skipped');

    const bad = await as(s.agent).post('/reports/monthly/runs', {
      month: '2026-11',
      organizationIds: [s.org.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.data.errors[0]).toMatchObject({ path: 'organizationIds.1' });
    expect(
      (await as(s.agent).get('/reports/monthly/runs/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('computes each organization once with two workers side by side', async () => {
    const orgs = await Promise.all(Array.from({ length: 9 }, () => makeOrganization()));
    const agent = await makeUser('agent');
    // Created straight in the database so that only the two workers below take the items.
    const [run] = await db.insert(reportRuns).values({ month: '2026-09', createdById: agent.id }).returning();
    await db.insert(reportRunItems).values(orgs.map((o) => ({ runId: run!.id, organizationId: o.id })));
    const [a, b] = await Promise.all([drainReportRuns(), drainReportRuns()]);
    expect(a + b).toBe(9);
    const items = await db.select().from(reportRunItems).where(eq(reportRunItems.runId, run!.id));
    expect(items.map((i) => [i.status, i.attempts])).toEqual(orgs.map(() => ['done', 1]));
    const view = await as(agent).get(`/reports/monthly/runs/${run!.id}`);
    expect(view.data).toMatchObject({ status: 'finished', total: 9, done: 9 });
  });
});

describe('a worker that died', () => {
  it('leaves a live lease alone, takes over a lapsed one, and gives up after three claims', async () => {
    const [live, lapsed, hopeless] = await Promise.all([
      makeOrganization(),
      makeOrganization(),
      makeOrganization(),
    ]);
    const [run] = await db.insert(reportRuns).values({ month: '2026-08' }).returning();
    const past = new Date(Date.now() - 60_000);
    await db.insert(reportRunItems).values([
      {
        runId: run!.id,
        organizationId: live.id,
        status: 'running',
        attempts: 1,
        leaseUntil: new Date(Date.now() + 600_000),
      },
      { runId: run!.id, organizationId: lapsed.id, status: 'running', attempts: 1, leaseUntil: past },
      { runId: run!.id, organizationId: hopeless.id, status: 'running', attempts: 3, leaseUntil: past },
    ]);
    await drainReportRuns();
    const items = await db.select().from(reportRunItems).where(eq(reportRunItems.runId, run!.id));
    const byOrg = new Map(items.map((i) => [i.organizationId, i]));
    expect(byOrg.get(live.id)).toMatchObject({ status: 'running', attempts: 1 });
    expect(byOrg.get(lapsed.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(byOrg.get(hopeless.id)).toMatchObject({ status: 'failed', attempts: 4 });
    expect(byOrg.get(hopeless.id)!.error).toMatch(/gave up/);
    const [after] = await db.select().from(reportRuns).where(eq(reportRuns.id, run!.id));
    expect(after!.finishedAt).toBeNull();
  });
});

describe('mailing a signed report', () => {
  it('queues the mail to the customer contacts with links to the portal and the PDF', async () => {
    const s = await makeNovemberScene();
    const second = await makeUser('customer', s.org.id, { locale: 'en' });
    const stranger = await makeUser('customer', s.otherOrg.id);
    const path = `/organizations/${s.org.id}/reports/monthly/2026-11/mail`;

    expect((await as(s.manager).post(path, {})).statusCode).toBe(404);
    await as(s.agent).put(`/organizations/${s.org.id}/reports/monthly/2026-11/remarks`, { remarks: '초안' });
    expect((await as(s.manager).post(path, {})).statusCode).toBe(409);
    await as(s.manager).post(`/organizations/${s.org.id}/reports/monthly/2026-11/sign-off`);
    expect((await as(s.agent).post(path, {})).statusCode).toBe(403);
    const wrong = await as(s.manager).post(path, { userIds: [stranger.id] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.data.errors[0]).toMatchObject({ path: 'userIds.0' });

    const sent = await as(s.manager).post(path, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(new Set(sent.data.recipients.map((r: { id: string }) => r.id))).toEqual(
      new Set([s.customer.id, second.id]),
    );
    const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'monthly_report'));
    const ko = rows.find((r) => r.toAddress === s.customer.email)!;
    expect(ko.subject).toBe(`[운영 보고] ${s.org.name} 2026-11 월간 운영 보고`);
    expect(ko.text).toContain(
      `https://hamkke.example.com/api/v1/organizations/${s.org.id}/reports/monthly?month=2026-11&format=pdf`,
    );
    expect(rows.find((r) => r.toAddress === second.email)!.subject).toBe(
      `[Operations report] ${s.org.name} 2026-11`,
    );
    const inApp = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.customer.id), eq(notifications.kind, 'monthly_report')));
    expect(inApp).toHaveLength(1);

    const one = await as(s.manager).post(path, { userIds: [second.id] });
    expect(one.data.recipients.map((r: { id: string }) => r.id)).toEqual([second.id]);

    const list = await as(s.customer).get(`/organizations/${s.org.id}/reports`);
    expect(list.data.items[0].mailedAt).not.toBeNull();
  });
});
