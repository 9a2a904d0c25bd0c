import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATUS_FLOW, canTransition, STATUS_FLOW, TICKET_STATUSES } from './status.js';

describe('status flow', () => {
  it('walks the happy path new → open → in_progress → resolved → closed', () => {
    expect(canTransition('new', 'open')).toBe(true);
    expect(canTransition('open', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'waiting_customer')).toBe(true);
    expect(canTransition('waiting_customer', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
  });

  it('reopens from resolved but never from closed or cancelled', () => {
    expect(canTransition('resolved', 'open')).toBe(true);
    for (const to of TICKET_STATUSES) {
      expect(canTransition('closed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });

  it('never closes a ticket that was not resolved first', () => {
    for (const from of TICKET_STATUSES)
      if (from !== 'resolved') expect(canTransition(from, 'closed')).toBe(false);
  });

  it('lets a customer do nothing staff could not do', () => {
    const status = fc.constantFrom(...TICKET_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (canTransition(from, to, true)) expect(canTransition(from, to, false)).toBe(true);
      }),
    );
    expect(CUSTOMER_STATUS_FLOW.resolved).toEqual(['closed', 'open']);
  });

  it('has no transition from a status to itself', () => {
    for (const s of TICKET_STATUSES) expect(STATUS_FLOW[s]).not.toContain(s);
  });
});
