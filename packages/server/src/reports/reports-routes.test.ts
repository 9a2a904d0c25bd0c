import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';
import { makeNovemberScene } from './month-scene.fixtures.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });
const url = (orgId: string, rest = '') => `/organizations/${orgId}/reports/monthly${rest}`;

describe('monthly report routes', () => {
  it('serves a draft to staff, keeps it from customers and other organizations', async () => {
    const s = await makeNovemberScene();
    const viewer = await makeUser('viewer');
    const other = await makeUser('customer', s.otherOrg.id);

    const res = await as(viewer).get(url(s.org.id, '?month=2026-11'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({ status: 'draft', month: '2026-11', tickets: { total: { created: 6 } } });

    expect((await client(app).get(url(s.org.id, '?month=2026-11'))).statusCode).toBe(401);
    expect((await as(s.customer).get(url(s.org.id, '?month=2026-11'))).statusCode).toBe(404);
    expect((await as(other).get(url(s.org.id, '?month=2026-11'))).statusCode).toBe(404);
    const none = await as(viewer).get(url('00000000-0000-4000-8000-000000000000', '?month=2026-11'));
    expect(none.statusCode).toBe(404);

    const bad = await as(viewer).get(url(s.org.id, '?month=2026-13'));
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0]).toMatchObject({ path: 'month', in: 'query' });
    expect((await as(viewer).get(url(s.org.id, '?month=2026-11&format=doc'))).statusCode).toBe(400);
  });

  it('edits remarks until a manager signs off, then freezes figures and remarks', async () => {
    const s = await makeNovemberScene();
    const viewer = await makeUser('viewer');

    const remarks = '## 총평\n- 월말 마감 이슈 **1건** 재발 방지 조치 완료';
    expect((await as(viewer).put(url(s.org.id, '/2026-11/remarks'), { remarks })).statusCode).toBe(403);
    expect((await as(s.customer).put(url(s.org.id, '/2026-11/remarks'), { remarks })).statusCode).toBe(403);
    const long = await as(s.agent).put(url(s.org.id, '/2026-11/remarks'), { remarks: 'x'.repeat(20001) });
    expect(long.statusCode).toBe(400);
    expect(long.data.errors[0]).toMatchObject({ path: 'remarks' });
    // Regenerating stores the draft's figures; a ticket added later shows only after the next one.
    const stored = await as(s.agent).post(url(s.org.id, '/2026-11/regenerate'));
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.data.tickets.total.created).toBe(6);
    const put = await as(s.agent).put(url(s.org.id, '/2026-11/remarks'), { remarks });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.data).toMatchObject({ remarks, status: 'draft' });

    expect((await as(s.agent).post(url(s.org.id, '/2026-11/sign-off'))).statusCode).toBe(403);
    const signed = await as(s.manager).post(url(s.org.id, '/2026-11/sign-off'));
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.data).toMatchObject({
      status: 'signed',
      remarks,
      signedBy: { id: s.manager.id, name: s.manager.name },
      tickets: { total: { created: 6 } },
    });
    expect((await as(s.manager).post(url(s.org.id, '/2026-11/sign-off'))).statusCode).toBe(409);
    expect((await as(s.agent).post(url(s.org.id, '/2026-11/regenerate'))).statusCode).toBe(409);
    const frozen = await as(s.agent).put(url(s.org.id, '/2026-11/remarks'), { remarks: '변경' });
    expect(frozen.statusCode).toBe(409);

    // A ticket changed after sign-off does not move the signed figures.
    await db.update(tickets).set({ type: 'problem' }).where(eq(tickets.id, s.t.t4.id));
    await db.insert(tickets).values({
      number: `${s.t.t1.number}-late`,
      organizationId: s.org.id,
      type: 'incident',
      title: '확정 후 등록',
      impact: 'high',
      urgency: 'high',
      priority: 'P1',
      channel: 'phone',
      createdAt: new Date('2026-11-15T00:00:00Z'),
    });
    const again = await as(s.agent).get(url(s.org.id, '?month=2026-11'));
    expect(again.data.tickets.total.created).toBe(6);
    expect(again.data.tickets.byType.map((t: { key: string }) => t.key)).toEqual([
      'inquiry',
      'incident',
      'request',
      'inspection',
    ]);
    expect(again.data).toEqual(signed.data);

    // The customer sees the signed report and the list of signed ones, not drafts.
    const own = await as(s.customer).get(url(s.org.id, '?month=2026-11'));
    expect(own.statusCode).toBe(200);
    expect(own.data.remarks).toBe(remarks);
    await as(s.agent).put(url(s.org.id, '/2026-10/remarks'), { remarks: '10월 초안' });
    expect((await as(s.customer).get(url(s.org.id, '?month=2026-10'))).statusCode).toBe(404);
    const list = await as(s.customer).get(`/organizations/${s.org.id}/reports`);
    expect(list.data.items.map((i: { month: string; status: string }) => [i.month, i.status])).toEqual([
      ['2026-11', 'signed'],
    ]);
    const staffList = await as(s.agent).get(`/organizations/${s.org.id}/reports`);
    expect(staffList.data.items.map((i: { month: string }) => i.month)).toEqual(['2026-11', '2026-10']);
    const other = await makeUser('customer', (await makeOrganization()).id);
    expect((await as(other).get(`/organizations/${s.org.id}/reports`)).statusCode).toBe(404);
  });

  it('serves a stored draft until it is regenerated', async () => {
    const s = await makeNovemberScene();
    const first = await as(s.agent).post(url(s.org.id, '/2026-11/regenerate'));
    expect(first.data.tickets.total.created).toBe(6);
    await db.insert(tickets).values({
      number: `${s.t.t1.number}-new`,
      organizationId: s.org.id,
      type: 'request',
      title: '생성 후 등록',
      impact: 'low',
      urgency: 'low',
      priority: 'P4',
      channel: 'portal',
      createdAt: new Date('2026-11-16T00:00:00Z'),
    });
    const served = await as(s.agent).get(url(s.org.id, '?month=2026-11'));
    expect(served.data.tickets.total.created).toBe(6);
    expect(served.data.generatedAt).toBe(first.data.generatedAt);
    const again = await as(s.agent).post(url(s.org.id, '/2026-11/regenerate'));
    expect(again.data.tickets.total.created).toBe(7);
    expect(again.data.generatedAt > first.data.generatedAt).toBe(true);
  });

  it('serves the PDF and the XLSX by format= and by Accept, with the Korean file name', async () => {
    const s = await makeNovemberScene();
    const pdf = await as(s.agent).get(url(s.org.id, '?month=2026-11&format=pdf'));
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`운영보고_${s.org.code}_2026-11.pdf`)}`,
    );
    const byAccept = await as(s.agent).get(url(s.org.id, '?month=2026-11'), { accept: 'application/pdf' });
    expect(byAccept.headers['content-type']).toBe('application/pdf');
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const xlsx = await as(s.agent).get(url(s.org.id, '?month=2026-11&format=xlsx&lang=en'));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(xlsxType);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const xlsxByAccept = await as(s.agent).get(url(s.org.id, '?month=2026-11'), { accept: xlsxType });
    expect(xlsxByAccept.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const json = await as(s.agent).get(url(s.org.id, '?month=2026-11'), { accept: 'application/json' });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });
});
