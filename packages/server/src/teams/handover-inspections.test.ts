import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { db } from '../db/current.js';
import { inspectionSchedules } from '../db/schema.js';
import { makeTemplate } from '../inspections/inspections.fixtures.js';
import { createSchedule, updateSchedule } from '../inspections/schedules.js';
import { client, useApp } from '../test/api.js';
import { makeContract, makeUser, makeWorld } from '../test/factories.js';
import { makeDeployment } from './teams.fixtures.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

async function scheduleOf(contractId: string, systemId: string | null, assigneeId: string, name: string) {
  const { template } = await makeTemplate();
  return createSchedule(SYSTEM_ACTOR, {
    contractId,
    templateId: template.id,
    systemId,
    name,
    recurrence: { kind: 'monthly', day: 10 },
    shift: 'next',
    leadBusinessDays: 3,
    windowStart: '09:00',
    windowEnd: '18:00',
    assigneeId,
    team: null,
    impact: 'low',
    urgency: 'medium',
    startsOn: '2026-12-01',
    endsOn: null,
  });
}

describe('handover of upcoming inspections', () => {
  it('lists the schedules of the person due in the deployment, and hands one over to a colleague', async () => {
    const w = await makeWorld();
    const contract = await makeContract(w.org.id, { startsOn: '2026-01-01', endsOn: '2030-12-31' });
    const [kim, lee] = await Promise.all([
      makeUser('agent', null, { name: '김투입' }),
      makeUser('agent', null, { name: '이인수' }),
    ]);
    const mine = await scheduleOf(contract.id, w.system.id, kim.id, '월간 Basis 점검');
    const paused = await scheduleOf(contract.id, null, kim.id, '중단된 점검');
    await updateSchedule(SYSTEM_ACTOR, paused.id, { status: 'paused' });
    const others = await scheduleOf(contract.id, null, lee.id, '이인수의 점검');
    const deployment = await makeDeployment(kim.id, '2027-01-04', '2027-03-31', 100);

    const handover = await as(w.viewer).get(`/team/deployments/${deployment.id}/handover`);
    expect(handover.statusCode, handover.body).toBe(200);
    // The 10th of January 2027 is a Sunday: due on Monday the 11th (next business day).
    expect(handover.data.inspections).toEqual([
      {
        schedule: { id: mine.id, name: '월간 Basis 점검' },
        organization: { id: w.org.id, name: w.org.name },
        system: { id: w.system.id, sid: w.system.sid },
        dueDates: ['2027-01-11', '2027-02-10', '2027-03-10'],
      },
    ]);

    // Only the deployed person or a manager hands over; only active schedules of the person.
    const body = { scheduleId: mine.id, toUserId: lee.id, note: '매월 10일 점검, SM37 취소 잡 주의' };
    expect((await as(lee).post(`/team/deployments/${deployment.id}/handover-items`, body)).statusCode).toBe(
      403,
    );
    const notHis = await as(w.manager).post(`/team/deployments/${deployment.id}/handover-items`, {
      ...body,
      scheduleId: others.id,
    });
    expect(notHis.statusCode).toBe(409);
    expect(notHis.data.errors[0].path).toBe('scheduleId');
    const both = await as(kim).post(`/team/deployments/${deployment.id}/handover-items`, {
      ...body,
      ticketId: w.system.id,
    });
    expect(both.statusCode).toBe(400);

    const item = await as(kim).post(`/team/deployments/${deployment.id}/handover-items`, body);
    expect(item.statusCode, item.body).toBe(201);
    expect(item.data).toMatchObject({
      ticket: null,
      schedule: { id: mine.id, name: '월간 Basis 점검' },
      from: { id: kim.id },
      to: { id: lee.id, name: '이인수' },
      note: body.note,
      acknowledgedAt: null,
    });
    const [row] = await db.select().from(inspectionSchedules).where(eq(inspectionSchedules.id, mine.id));
    expect(row!.assigneeId).toBe(lee.id);
    // Handed over, it is no longer his to hand over.
    expect((await as(w.viewer).get(`/team/deployments/${deployment.id}/handover`)).data.inspections).toEqual(
      [],
    );
    expect((await as(kim).post(`/team/deployments/${deployment.id}/handover-items`, body)).statusCode).toBe(
      409,
    );

    // The receiver sees it pending, is notified, and acknowledges it.
    const pending = await as(lee).get(`/team/handover-items?toUserId=${lee.id}&isPending=true`);
    expect(pending.data.items.map((i: { id: string }) => i.id)).toEqual([item.data.id]);
    const notes = await as(lee).get('/notifications');
    expect(notes.data.items.some((n: { kind: string }) => n.kind === 'handover')).toBe(true);
    expect((await as(kim).post(`/team/handover-items/${item.data.id}/acknowledge`)).statusCode).toBe(403);
    const ack = await as(lee).post(`/team/handover-items/${item.data.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.data.acknowledgedAt).not.toBeNull();
  });
});
