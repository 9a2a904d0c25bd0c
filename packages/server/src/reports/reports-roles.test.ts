import { describe, expect, it } from 'vitest';
import { client, type TResponse, useApp } from '../test/api.js';
import type { TTestUser } from '../test/factories.js';
import { makeScene, type TApi, type TScene } from '../test/scene.js';

// The report routes' rows of test/role-matrix.test.ts (the lead adds them there): who gets what,
// acting on the scene's organization.
const app = useApp();

const CALLERS = ['none', 'admin', 'manager', 'agent', 'viewer', 'customer', 'other-customer'] as const;
type TCaller = (typeof CALLERS)[number];

const SPEC = `
GET    /organizations/:id/reports/monthly (draft)               401  200   200     200   200    404      404
GET    /organizations/:id/reports/monthly (signed)              401  200   200     200   200    200      404
GET    /organizations/:id/reports/monthly (signed, pdf)         401  200   200     200   200    200      404
GET    /organizations/:id/reports                               401  200   200     200   200    200      404
PUT    /organizations/:id/reports/monthly/:month/remarks        401  200   200     200   403    403      403
POST   /organizations/:id/reports/monthly/:month/sign-off       401  200   200     403   403    403      403
POST   /organizations/:id/reports/monthly/:month/regenerate     401  200   200     200   403    403      403
POST   /organizations/:id/reports/monthly/:month/mail           401  200   200     403   403    403      403
GET    /reports/monthly                                         401  200   200     200   200    403      403
POST   /reports/monthly/runs                                    401  201   201     201   403    403      403
GET    /reports/monthly/runs/:id                                401  200   200     200   200    403      403
`;

const signOff = (s: TScene, month: string) =>
  client(app, { cookie: s.manager.cookie }).post(
    `/organizations/${s.org.id}/reports/monthly/${month}/sign-off`,
  );

const CALLS: Record<string, (s: TScene, api: TApi, me: TTestUser | null) => Promise<TResponse>> = {
  'GET /organizations/:id/reports/monthly (draft)': (s, api) =>
    api.get(`/organizations/${s.org.id}/reports/monthly?month=2026-03`),
  'GET /organizations/:id/reports/monthly (signed)': async (s, api) => {
    await signOff(s, '2026-03');
    return api.get(`/organizations/${s.org.id}/reports/monthly?month=2026-03`);
  },
  'GET /organizations/:id/reports/monthly (signed, pdf)': async (s, api) => {
    await signOff(s, '2026-03');
    return api.get(`/organizations/${s.org.id}/reports/monthly?month=2026-03&format=pdf`);
  },
  'GET /organizations/:id/reports': (s, api) => api.get(`/organizations/${s.org.id}/reports`),
  'PUT /organizations/:id/reports/monthly/:month/remarks': (s, api) =>
    api.put(`/organizations/${s.org.id}/reports/monthly/2026-03/remarks`, { remarks: '3월 총평' }),
  'POST /organizations/:id/reports/monthly/:month/sign-off': (s, api) =>
    api.post(`/organizations/${s.org.id}/reports/monthly/2026-03/sign-off`),
  'POST /organizations/:id/reports/monthly/:month/regenerate': (s, api) =>
    api.post(`/organizations/${s.org.id}/reports/monthly/2026-03/regenerate`),
  'POST /organizations/:id/reports/monthly/:month/mail': async (s, api) => {
    await signOff(s, '2026-03');
    return api.post(`/organizations/${s.org.id}/reports/monthly/2026-03/mail`, {});
  },
  'GET /reports/monthly': (_s, api) => api.get('/reports/monthly?month=2026-03'),
  'POST /reports/monthly/runs': (s, api) =>
    api.post('/reports/monthly/runs', { month: '2026-03', organizationIds: [s.org.id] }),
  'GET /reports/monthly/runs/:id': async (s, api) => {
    const run = await client(app, { cookie: s.agent.cookie }).post('/reports/monthly/runs', {
      month: '2026-03',
      organizationIds: [s.org.id],
    });
    return api.get(`/reports/monthly/runs/${run.data.id}`);
  },
};

const ROWS = SPEC.trim()
  .split('\n')
  .map((line) => {
    const words = line.trim().split(/\s+/);
    const statuses = words.slice(-CALLERS.length).map(Number);
    return {
      label: words.slice(0, -CALLERS.length).join(' '),
      expected: Object.fromEntries(CALLERS.map((c, i) => [c, statuses[i]])) as Record<TCaller, number>,
    };
  });

const callerOf = (s: TScene, caller: TCaller): TTestUser | null =>
  caller === 'none' ? null : caller === 'other-customer' ? s.otherCustomer : s[caller];

describe('who may use the monthly report routes', () => {
  for (const row of ROWS) {
    it(row.label, async () => {
      const s = await makeScene(app);
      const got: Record<string, number> = {};
      for (const caller of CALLERS) {
        // A fresh organization state per caller: sign-off and mail change it.
        const scene = caller === 'none' ? s : await makeScene(app);
        const mine = caller === 'none' ? null : callerOf(scene, caller);
        const res = await CALLS[row.label]!(scene, client(app, mine ? { cookie: mine.cookie } : {}), mine);
        got[caller] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect(got).toEqual(row.expected);
    });
  }
});
