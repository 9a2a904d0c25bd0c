import { describe, expect, it } from 'vitest';
import { putAs } from '../mail-out/mail-out.fixtures.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';

const app = useApp();

describe('notification preferences', () => {
  it('gives staff every kind with the defaults, and a customer only what concerns them', async () => {
    const org = await makeOrganization();
    const [agent, customer] = await Promise.all([makeUser('agent'), makeUser('customer', org.id)]);
    const staff = await client(app, { cookie: agent.cookie }).get('/me/notification-preferences');
    expect(staff.statusCode).toBe(200);
    expect(staff.data.items).toEqual([
      { kind: 'ticket_received', inApp: false, email: true },
      { kind: 'public_reply', inApp: true, email: true },
      { kind: 'ticket_resolved', inApp: true, email: true },
      { kind: 'mention', inApp: true, email: true },
      { kind: 'sla_at_risk', inApp: true, email: true },
      { kind: 'sla_breached', inApp: true, email: true },
      { kind: 'contract_hours', inApp: true, email: true },
      { kind: 'monthly_report', inApp: true, email: true },
    ]);
    const own = await client(app, { cookie: customer.cookie }).get('/me/notification-preferences');
    expect(own.data.items.map((p: { kind: string }) => p.kind)).toEqual([
      'ticket_received',
      'public_reply',
      'ticket_resolved',
      'monthly_report',
    ]);
  });

  it('changes only the kinds and channels named, and only for the caller', async () => {
    const [me, colleague] = await Promise.all([makeUser('manager'), makeUser('manager')]);
    const res = await putAs(app, me, '/me/notification-preferences', {
      items: [
        { kind: 'sla_at_risk', email: false },
        { kind: 'mention', inApp: false, email: false },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const byKind = Object.fromEntries(res.data.items.map((p: { kind: string }) => [p.kind, p]));
    expect(byKind.sla_at_risk).toEqual({ kind: 'sla_at_risk', inApp: true, email: false });
    expect(byKind.mention).toEqual({ kind: 'mention', inApp: false, email: false });
    expect(byKind.sla_breached).toEqual({ kind: 'sla_breached', inApp: true, email: true });
    const again = await putAs(app, me, '/me/notification-preferences', {
      items: [{ kind: 'sla_at_risk', inApp: false }],
    });
    expect(again.data.items.find((p: { kind: string }) => p.kind === 'sla_at_risk')).toEqual({
      kind: 'sla_at_risk',
      inApp: false,
      email: false,
    });
    const theirs = await client(app, { cookie: colleague.cookie }).get('/me/notification-preferences');
    expect(theirs.data.items.find((p: { kind: string }) => p.kind === 'sla_at_risk').email).toBe(true);
  });

  it('refuses a kind that does not concern the caller, an unknown kind, and a stranger', async () => {
    const org = await makeOrganization();
    const customer = await makeUser('customer', org.id);
    const staffKind = await putAs(app, customer, '/me/notification-preferences', {
      items: [
        { kind: 'public_reply', email: false },
        { kind: 'sla_breached', email: true },
      ],
    });
    expect(staffKind.statusCode).toBe(422);
    expect(staffKind.data.errors[0].path).toBe('items.1.kind');
    const unchanged = await client(app, { cookie: customer.cookie }).get('/me/notification-preferences');
    expect(unchanged.data.items.find((p: { kind: string }) => p.kind === 'public_reply').email).toBe(true);

    const unknown = await putAs(app, customer, '/me/notification-preferences', {
      items: [{ kind: 'birthday', email: true }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors[0].path).toBe('items.0.kind');
    const twice = await putAs(app, customer, '/me/notification-preferences', {
      items: [{ kind: 'public_reply' }, { kind: 'public_reply' }],
    });
    expect(twice.statusCode).toBe(400);
    expect((await client(app).get('/me/notification-preferences')).statusCode).toBe(401);
    expect((await putAs(app, null, '/me/notification-preferences', { items: [] })).statusCode).toBe(401);
  });
});
