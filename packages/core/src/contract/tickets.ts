import { z } from 'zod';
import { TICKET_TYPES } from '../lists.js';
import { LEVELS, PRIORITIES } from '../priority/priority.js';
import { TICKET_STATUSES } from '../status/status.js';
import { ZActorRef, ZDate, ZInstant, ZPageQuery, ZUuid, zLine, zQueryList } from './common.js';
import { ZSlaState, ZTicketSla } from './sla.js';
import { ZSapModule } from './systems.js';

export { TICKET_TYPES };

/** `true` / `false` in a query string. */
const zQueryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const CHANNELS = ['portal', 'email', 'phone', 'internal'] as const;

export const ZTicketType = z.enum(TICKET_TYPES);
export const ZTicketStatus = z.enum(TICKET_STATUSES);
export const ZLevel = z.enum(LEVELS);
export const ZPriority = z.enum(PRIORITIES);
export const ZChannel = z.enum(CHANNELS);

/** SAP Note numbers are plain integers of up to 10 digits. */
const ZSapNote = z.string().regex(/^\d{1,10}$/, 'An SAP Note number: digits only');
/** Transport requests look like `DEVK900123`: SID, `K`, six digits. */
const ZTransport = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{2}K\d{6}$/, 'A transport request like DEVK900123');
const ZTag = z.string().trim().min(1).max(40);

/** Ticket fields that only staff see. */
export const INTERNAL_TICKET_FIELDS = [
  'tags',
  'team',
  'plannedStart',
  'plannedEnd',
  'isPriorityManual',
] as const;

export const ZTicket = z.object({
  id: ZUuid,
  number: z.string(),
  organizationId: ZUuid,
  organization: z.object({ id: ZUuid, name: z.string(), code: z.string() }),
  contractId: ZUuid.nullable(),
  systemId: ZUuid.nullable(),
  module: ZSapModule.nullable(),
  type: ZTicketType,
  title: z.string(),
  description: z.string(),
  status: ZTicketStatus,
  impact: ZLevel,
  urgency: ZLevel,
  priority: ZPriority,
  requester: ZActorRef.nullable(),
  assignee: ZActorRef.nullable(),
  channel: ZChannel,
  sapNotes: z.array(z.string()),
  transports: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  /** Both SLA clocks: due times, elapsed and remaining business minutes, state. */
  sla: ZTicketSla,
  // staff only
  isPriorityManual: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  team: z.string().nullable().optional(),
  plannedStart: z.string().nullable().optional(),
  plannedEnd: z.string().nullable().optional(),
});
export type TTicket = z.infer<typeof ZTicket>;

const ticketFields = {
  type: ZTicketType,
  title: zLine(200),
  description: z.string().max(50000),
  contractId: ZUuid.nullable(),
  systemId: ZUuid.nullable(),
  module: ZSapModule.nullable(),
  impact: ZLevel,
  urgency: ZLevel,
  priority: ZPriority,
  assigneeId: ZUuid.nullable(),
  team: z.string().trim().max(100).nullable(),
  channel: ZChannel,
  tags: z.array(ZTag).max(20),
  sapNotes: z.array(ZSapNote).max(50),
  transports: z.array(ZTransport).max(50),
  plannedStart: ZInstant.nullable(),
  plannedEnd: ZInstant.nullable(),
};

const SCHEDULE_RULE = { message: 'plannedEnd must not be before plannedStart', path: ['plannedEnd'] };
const scheduleIsOrdered = (t: { plannedStart?: string | null; plannedEnd?: string | null }) =>
  !t.plannedStart || !t.plannedEnd || Date.parse(t.plannedStart) <= Date.parse(t.plannedEnd);

export const ZCreateTicket = z
  .object({
    ...ticketFields,
    type: ticketFields.type.default('inquiry'),
    description: ticketFields.description.default(''),
    impact: ticketFields.impact.default('medium'),
    urgency: ticketFields.urgency.default('medium'),
    organizationId: ZUuid.optional(),
    requesterId: ZUuid.optional(),
  })
  .partial({
    contractId: true,
    systemId: true,
    module: true,
    priority: true,
    assigneeId: true,
    team: true,
    channel: true,
    tags: true,
    sapNotes: true,
    transports: true,
    plannedStart: true,
    plannedEnd: true,
  })
  .strict()
  .refine(scheduleIsOrdered, SCHEDULE_RULE);
export type TCreateTicket = z.infer<typeof ZCreateTicket>;

export const ZUpdateTicket = z
  .object({
    ...ticketFields,
    /** `null` hands priority back to the impact × urgency matrix. */
    priority: ZPriority.nullable(),
    status: ZTicketStatus,
    requesterId: ZUuid,
    /** The version the caller last saw; a mismatch is refused with 409 instead of overwriting. */
    version: z.number().int().min(1),
  })
  .partial()
  .strict()
  .refine(scheduleIsOrdered, SCHEDULE_RULE)
  .refine((t) => Object.keys(t).some((k) => k !== 'version'), { message: 'Nothing to change', path: [] });
export type TUpdateTicket = z.infer<typeof ZUpdateTicket>;

export const TICKET_SORTS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'priority',
  '-priority',
  'number',
  '-number',
  'responseDueAt',
  '-responseDueAt',
  'resolutionDueAt',
  '-resolutionDueAt',
] as const;

export const ZListTicketsQuery = ZPageQuery.extend({
  status: zQueryList(ZTicketStatus),
  type: zQueryList(ZTicketType),
  priority: zQueryList(ZPriority),
  organizationId: ZUuid.optional(),
  /** A user id, `me`, or `none` for unassigned. */
  assigneeId: z.union([ZUuid, z.enum(['me', 'none'])]).optional(),
  requesterId: ZUuid.optional(),
  /** A team's tickets, or `none` for those with no team. */
  team: z.string().trim().min(1).max(60).optional(),
  module: zQueryList(ZSapModule),
  createdFrom: ZInstant.optional(),
  createdTo: ZInstant.optional(),
  /** Tickets whose SLA (the worse of its two clocks) is in one of these states. */
  sla: zQueryList(ZSlaState),
  // Dashboard click-through (docs/dashboards.md): each narrows to the tickets behind one figure.
  /** Last resolution at or after / before this instant. */
  resolvedFrom: ZInstant.optional(),
  resolvedTo: ZInstant.optional(),
  /** Open at this instant: created before it, not resolved, closed or cancelled by then. */
  openAt: ZInstant.optional(),
  /** The response / resolution clock in one of these states. */
  responseSla: zQueryList(ZSlaState),
  resolutionSla: zQueryList(ZSlaState),
  /** Reopened at least once after a resolution (`true`) or never (`false`). */
  isReopened: zQueryBoolean,
  /** First-contact resolution (docs/dashboards.md): resolved, never reopened, at most one public staff reply. */
  isFirstContact: zQueryBoolean,
  /** Time logged on it on these Seoul days (inclusive), optionally of these work classes. */
  workedFrom: ZDate.optional(),
  workedTo: ZDate.optional(),
  workClass: zQueryList(z.enum(['A', 'B', 'C'])),
  /** A satisfaction survey (not superseded) sent on these Seoul days, optionally for this agent / answered with these ratings. */
  csatFrom: ZDate.optional(),
  csatTo: ZDate.optional(),
  csatAgentId: ZUuid.optional(),
  csatRating: zQueryList(z.coerce.number().int().min(1).max(5)),
  /** These tickets only (up to 200). */
  ids: z.preprocess(
    (value) => (value === undefined || value === '' ? undefined : String(value).split(',')),
    z.array(ZUuid).min(1).max(200).optional(),
  ),
  sort: z.enum(TICKET_SORTS).default('-createdAt'),
});
export type TListTicketsQuery = z.infer<typeof ZListTicketsQuery>;

/** A ticket is addressed by its id or its number (`HNX-000123`). */
export const ZTicketRef = z.object({
  idOrNumber: z.union([
    ZUuid,
    z.string().regex(/^[A-Za-z][A-Za-z0-9]{1,9}-\d{1,9}$/, 'A ticket id or number'),
  ]),
});
