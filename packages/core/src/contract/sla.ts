import { z } from 'zod';
import { PRIORITIES } from '../priority/priority.js';
import { SLA_STATES } from '../sla/sla-clock.js';
import { TICKET_STATUSES } from '../status/status.js';
import { ZUuid, zLine } from './common.js';

const ZMinutes = z.number().int().min(1).max(525_600);
export const ZSlaTarget = z
  .object({ firstResponse: ZMinutes, resolution: ZMinutes })
  .refine((t) => t.firstResponse <= t.resolution, {
    message: 'resolution must not be shorter than firstResponse',
    path: ['resolution'],
  });

export const ESCALATION_ACTIONS = ['notify', 'raise_priority', 'reassign_team'] as const;
export const ZEscalationRule = z
  .object({
    /** The event that fires the rule. */
    on: z.enum(['at_risk', 'breached']),
    clock: z.enum(['response', 'resolution']),
    action: z.enum(ESCALATION_ACTIONS),
    /** For `reassign_team`: the team the ticket moves to. */
    team: z.string().trim().min(1).max(100).optional(),
  })
  .refine((r) => r.action !== 'reassign_team' || r.team !== undefined, {
    message: 'reassign_team needs a team',
    path: ['team'],
  });
export type TEscalationRule = z.infer<typeof ZEscalationRule>;

const PAUSABLE = TICKET_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed' && s !== 'cancelled');

const slaPolicyFields = {
  name: zLine(100),
  /** Business minutes per priority: to the first public reply by staff, and to resolution. */
  targets: z.object(
    Object.fromEntries(PRIORITIES.map((p) => [p, ZSlaTarget])) as Record<
      (typeof PRIORITIES)[number],
      typeof ZSlaTarget
    >,
  ),
  pauseStatuses: z.array(z.enum(PAUSABLE as [string, ...string[]])).max(PAUSABLE.length),
  atRiskRatio: z.number().min(0.05).max(0.99),
  escalations: z.array(ZEscalationRule).max(20),
};

export const ZSlaPolicy = z.object({
  id: ZUuid,
  ...slaPolicyFields,
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;

export const ZCreateSlaPolicy = z
  .object({
    ...slaPolicyFields,
    pauseStatuses: slaPolicyFields.pauseStatuses.default(['waiting_customer']),
    atRiskRatio: slaPolicyFields.atRiskRatio.default(0.8),
    escalations: slaPolicyFields.escalations.default([
      { on: 'breached', clock: 'resolution', action: 'notify' },
    ]),
    /** Makes this the policy of contracts that name none; the previous default stops being one. */
    isDefault: z.boolean().default(false),
  })
  .strict();
export type TCreateSlaPolicy = z.infer<typeof ZCreateSlaPolicy>;
/**
 * `isDefault: true` moves the default here. There is always exactly one default, so `false` is
 * refused on the default policy: make another one the default instead.
 */
export const ZUpdateSlaPolicy = z
  .object({ ...slaPolicyFields, isDefault: z.boolean() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change', path: [] });
export type TUpdateSlaPolicy = z.infer<typeof ZUpdateSlaPolicy>;

export const ZSlaState = z.enum(SLA_STATES);
export const ZSlaClockView = z.object({
  state: ZSlaState,
  targetMinutes: z.number().nullable(),
  dueAt: z.string().nullable(),
  elapsedMinutes: z.number().nullable(),
  remainingMinutes: z.number().nullable(),
});
/** A ticket's SLA as its page shows it: both clocks and the calendar they run on. */
export const ZTicketSla = z.object({
  state: ZSlaState,
  policyId: ZUuid.nullable(),
  calendarKey: z.string().nullable(),
  response: ZSlaClockView,
  resolution: ZSlaClockView,
});
export type TTicketSla = z.infer<typeof ZTicketSla>;
