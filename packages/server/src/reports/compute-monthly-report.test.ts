import { describe, expect, it } from 'vitest';
import { actorOf } from '../test/scene.js';
import { computeMonthlyReport } from './compute-monthly-report.js';
import { makeNovemberScene } from './month-scene.fixtures.js';

const NOW = new Date('2026-12-05T00:00:00Z');
const counts = (created: number, resolved: number, closed: number) => ({ created, resolved, closed });
const sla = (met: number, breached: number, attainmentPercent: number | null) => ({
  met,
  breached,
  attainmentPercent,
});

describe('computeMonthlyReport', () => {
  it('adds up a hand-built customer month, cut in Seoul time', async () => {
    const s = await makeNovemberScene();
    const r = await computeMonthlyReport(actorOf(s.manager), s.org.id, '2026-11', { now: NOW });

    expect(r.organization).toEqual({ id: s.org.id, name: s.org.name, code: s.org.code });
    expect(r.timeZone).toBe('Asia/Seoul');
    expect(r.period).toEqual({ start: '2026-10-31T15:00:00.000Z', end: '2026-11-30T15:00:00.000Z' });
    expect(r.contracts).toEqual([
      expect.objectContaining({ id: s.contract.id, name: '2026 SAP 운영 계약', monthlyHours: 43 }),
    ]);

    // T1 (created 2026-10-31T16:00Z = 11-01 01:00 KST) is November's; T8 (14:59Z) is October's.
    expect(r.tickets.total).toEqual(counts(6, 4, 1));
    expect(r.tickets.byType).toEqual([
      { key: 'inquiry', ...counts(1, 0, 0) },
      { key: 'incident', ...counts(3, 2, 1) },
      { key: 'request', ...counts(1, 1, 0) },
      { key: 'inspection', ...counts(1, 1, 0) },
    ]);
    expect(r.tickets.byModule).toEqual([
      { key: 'FI', ...counts(1, 2, 0) },
      { key: 'SD', ...counts(1, 0, 0) },
      { key: 'MM', ...counts(1, 1, 1) },
      { key: 'BC', ...counts(2, 1, 0) },
      { key: null, ...counts(1, 0, 0) },
    ]);
    expect(r.tickets.byPriority).toEqual([
      { key: 'P1', ...counts(1, 1, 0) },
      { key: 'P2', ...counts(1, 1, 1) },
      { key: 'P3', ...counts(2, 1, 0) },
      { key: 'P4', ...counts(2, 1, 0) },
    ]);
    expect(r.tickets.byChannel).toEqual([
      { key: 'portal', ...counts(2, 1, 1) },
      { key: 'email', ...counts(1, 1, 0) },
      { key: 'phone', ...counts(1, 1, 0) },
      { key: 'internal', ...counts(2, 1, 0) },
    ]);

    // Response: T1 met, T3 met, T2 late (due 11-03). T7's response was in October.
    // Resolution: T1, T2 (at its due time), T7 met; T3 still running past its 11-20 due time.
    expect(r.sla.response).toEqual(sla(2, 1, 66.7));
    expect(r.sla.resolution).toEqual(sla(3, 1, 75));
    expect(r.sla.byPriority).toEqual([
      { priority: 'P1', response: sla(1, 0, 100), resolution: sla(1, 0, 100) },
      { priority: 'P2', response: sla(0, 1, 0), resolution: sla(1, 0, 100) },
      { priority: 'P3', response: sla(1, 0, 100), resolution: sla(1, 1, 50) },
      { priority: 'P4', response: sla(0, 0, null), resolution: sla(0, 0, null) },
    ]);

    // Business minutes (weekdays 09–12, 13–18): responses T1 30 (Sunday → Monday 09:30), T2 120
    // (10:00 → 13:00 over lunch), T3 60; resolutions T1 180, T2 480, T7 9 × 480 + 240 − 60 paused = 4500.
    expect(r.times.unit).toBe('business_minutes');
    expect(r.times.response).toEqual({ count: 3, mean: 70, p90: 120 });
    expect(r.times.resolution).toEqual({ count: 3, mean: 1720, p90: 4500 });
    expect(r.times.byPriority[0]).toEqual({
      priority: 'P1',
      response: { count: 1, mean: 30, p90: 30 },
      resolution: { count: 1, mean: 180, p90: 180 },
    });

    // Billable 120 + 90 + 48 = 258 min = 4.3 h of 43; 30 min non-billable (C); the other org's 600 min not.
    expect(r.hours).toEqual({
      entitlement: 43,
      used: 4.3,
      nonBillable: 0.5,
      remaining: 38.7,
      percentUsed: 10,
      byWorkClass: { A: 2.8, B: 1.5, C: 0.5 },
      trend: [
        { month: '2026-06', hours: 1, entitlement: 0, byWorkClass: { A: 1, B: 0, C: 0 } },
        { month: '2026-07', hours: 0, entitlement: 0, byWorkClass: { A: 0, B: 0, C: 0 } },
        { month: '2026-08', hours: 0, entitlement: 43, byWorkClass: { A: 0, B: 0, C: 0 } },
        { month: '2026-09', hours: 0, entitlement: 43, byWorkClass: { A: 0, B: 0, C: 0 } },
        { month: '2026-10', hours: 1, entitlement: 43, byWorkClass: { A: 1, B: 0, C: 0 } },
        { month: '2026-11', hours: 4.3, entitlement: 43, byWorkClass: { A: 2.8, B: 1.5, C: 0.5 } },
      ],
    });

    expect(r.inspections.done).toBe(1);
    expect(r.inspections.items).toEqual({ ok: 2, warning: 1, failed: 1 });
    expect(r.inspections.openFindings).toBe(1);
    expect(r.inspections.findings.map((f) => f.number)).toEqual([s.t.t6.number]);

    expect(r.notableIncidents).toEqual([
      expect.objectContaining({
        number: s.t.t1.number,
        priority: 'P1',
        cause: '번호 범위 FBN1 소진',
        action: '번호 범위 확장 후 전기 재처리',
        resolvedAt: '2026-11-02T03:00:00.000Z',
      }),
      // The last public staff comment up to resolution: not the customer's, the internal note or a later one.
      expect.objectContaining({
        number: s.t.t2.number,
        priority: 'P2',
        cause: '',
        action: 'SAP Note 3012345 적용 후 재처리했습니다.',
      }),
    ]);

    // Sent in November and not superseded: T1 (4), T2 (no answer), T7 (2); T8's October survey not.
    expect(r.satisfaction).toEqual({ sent: 3, responses: 2, average: 3, distribution: [0, 1, 0, 1, 0] });

    expect(r.carriedOver.count).toBe(3);
    expect(r.carriedOver.items.map((i) => i.number)).toEqual([s.t.t6.number, s.t.t3.number, s.t.t4.number]);
    expect(r.carriedOver.items[0]).toMatchObject({
      type: 'incident',
      status: 'open',
      assignee: s.agent.name,
    });

    expect(r).toMatchObject({ status: 'draft', remarks: '', signedBy: null, signedAt: null });
    expect(r.generatedAt).toBe(NOW.toISOString());
  });

  it('is not for customer users', async () => {
    const s = await makeNovemberScene();
    await expect(computeMonthlyReport(actorOf(s.customer), s.org.id, '2026-11')).rejects.toMatchObject({
      status: 404,
    });
  });
});
