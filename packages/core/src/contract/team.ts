import { z } from 'zod';
import { ZActorRef, ZDate, ZUuid, zLine } from './common.js';
import { ZSapModule } from './systems.js';

/** How well a person knows a module or a customer: 1 basic, 2 independent, 3 expert. */
export const ZSkillLevel = z.number().int().min(1).max(3);
/** Weight of one open ticket in a person's load, by priority (docs/team.md). */
export const LOAD_WEIGHTS = { P1: 4, P2: 3, P3: 2, P4: 1 } as const;

export const ZTeam = z.object({
  id: ZUuid,
  name: z.string(),
  lead: ZActorRef.nullable(),
  members: z.array(ZActorRef),
  organizationIds: z.array(ZUuid),
  modules: z.array(z.string()),
  isAutoAssign: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTeam = z.infer<typeof ZTeam>;

const teamFields = {
  name: zLine(100),
  leadId: ZUuid.nullable(),
  memberIds: z.array(ZUuid).max(200),
  organizationIds: z.array(ZUuid).max(500),
  modules: z.array(ZSapModule).max(50),
  isAutoAssign: z.boolean(),
};
export const ZCreateTeam = z
  .object({
    ...teamFields,
    leadId: teamFields.leadId.default(null),
    memberIds: teamFields.memberIds.default([]),
    organizationIds: teamFields.organizationIds.default([]),
    modules: teamFields.modules.default([]),
    isAutoAssign: teamFields.isAutoAssign.default(true),
  })
  .strict();
export type TCreateTeam = z.infer<typeof ZCreateTeam>;
export const ZUpdateTeam = z.object(teamFields).partial().strict();
export type TUpdateTeam = z.infer<typeof ZUpdateTeam>;

export const ZAvailability = z.object({
  status: z.enum(['active', 'away']),
  /** The last day away (inclusive, Seoul); null: away with no return date, or active. */
  awayUntil: z.string().nullable(),
  note: z.string(),
  /** Takes new work today. */
  isAvailable: z.boolean(),
});
export type TAvailability = z.infer<typeof ZAvailability>;

export const ZSetAvailability = z
  .object({
    status: z.enum(['active', 'away']),
    awayUntil: ZDate.nullable().default(null),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type TSetAvailability = z.infer<typeof ZSetAvailability>;

export const ZModuleSkill = z.object({ module: ZSapModule, level: ZSkillLevel }).strict();
export const ZCustomerSkill = z.object({ organizationId: ZUuid, level: ZSkillLevel }).strict();
export const ZSetSkills = z
  .object({ modules: z.array(ZModuleSkill).max(50), customers: z.array(ZCustomerSkill).max(500) })
  .strict();
export type TSetSkills = z.infer<typeof ZSetSkills>;

export const ZPerson = z.object({
  user: ZActorRef,
  role: z.string(),
  teams: z.array(z.object({ id: ZUuid, name: z.string() })),
  modules: z.array(z.object({ module: z.string(), level: z.number().int() })),
  customers: z.array(z.object({ organizationId: ZUuid, name: z.string(), level: z.number().int() })),
  availability: ZAvailability,
});
export type TPerson = z.infer<typeof ZPerson>;
export const ZUserIdParam = z.object({ userId: ZUuid });

export const ZPrimaryAgent = z.object({
  id: ZUuid,
  organizationId: ZUuid,
  module: z.string().nullable(),
  agent: ZActorRef,
  createdAt: z.string(),
});
export type TPrimaryAgent = z.infer<typeof ZPrimaryAgent>;
export const ZSetPrimaryAgent = z
  .object({ organizationId: ZUuid, module: ZSapModule.nullable().default(null), userId: ZUuid })
  .strict();
export type TSetPrimaryAgent = z.infer<typeof ZSetPrimaryAgent>;
export const ZPrimaryAgentQuery = z.object({ organizationId: ZUuid.optional() });

export const ZLoadQuery = z.object({ teamId: ZUuid.optional() });
export const ZPersonLoad = z.object({
  user: ZActorRef,
  teams: z.array(z.object({ id: ZUuid, name: z.string() })),
  /** Open tickets weighted by priority (LOAD_WEIGHTS). */
  weightedLoad: z.number().int(),
  openCount: z.number().int(),
  openByPriority: z.object({
    P1: z.number().int(),
    P2: z.number().int(),
    P3: z.number().int(),
    P4: z.number().int(),
  }),
  /** Minutes logged this ISO week (Monday–Sunday, Seoul). */
  minutesThisWeek: z.number().int(),
  /** Share of their time on project deployments today, 0–100. */
  deployedPercent: z.number().int(),
  availability: ZAvailability,
});
export type TPersonLoad = z.infer<typeof ZPersonLoad>;
export const ZTeamLoad = z.object({ weekStart: z.string(), items: z.array(ZPersonLoad) });
export type TTeamLoad = z.infer<typeof ZTeamLoad>;

export const ZHoursSplitQuery = z.object({ from: ZDate, to: ZDate, teamId: ZUuid.optional() });
export type THoursSplitQuery = z.infer<typeof ZHoursSplitQuery>;
const ZAbc = z.object({ A: z.number(), B: z.number(), C: z.number() });
export const ZHoursSplit = z.object({
  weeks: z.array(
    z.object({
      /** ISO week, e.g. `2026-W48`. */
      week: z.string(),
      weekStart: z.string(),
      minutes: ZAbc,
      totalMinutes: z.number().int(),
      /** Each class's part of the week's minutes, 0–1 (0 in a week with no time). */
      share: ZAbc,
    }),
  ),
  total: z.object({ minutes: ZAbc, totalMinutes: z.number().int(), share: ZAbc }),
});
export type THoursSplit = z.infer<typeof ZHoursSplit>;

/** Why a new ticket went to whom: kept in the `changed` timeline event (docs/team.md). */
export type TAssignmentExplanation = {
  rule: 'primary_agent' | 'team_round_robin' | 'on_call';
  assignee: { id: string; name: string };
  teamId?: string;
  teamName?: string;
  reason: { ko: string; en: string };
  candidates?: {
    id: string;
    name: string;
    weightedLoad: number;
    moduleLevel: number;
    customerLevel: number;
    /** Share of their time on a project deployment today, 0–99. */
    deployedPercent: number;
    score: number;
  }[];
  skipped?: { id: string; name: string; why: 'away' | 'inactive' | 'deployed' }[];
};

export const ZDeployment = z.object({
  id: ZUuid,
  person: ZActorRef,
  project: z.string(),
  organization: z.object({ id: ZUuid, name: z.string() }).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Share of the person's time the project takes, 1–100. */
  sharePercent: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TDeployment = z.infer<typeof ZDeployment>;

const deploymentFields = {
  userId: ZUuid,
  project: zLine(200),
  organizationId: ZUuid.nullable(),
  startsOn: ZDate,
  endsOn: ZDate,
  sharePercent: z.number().int().min(1).max(100),
  note: z.string().trim().max(5000),
};
export const ZCreateDeployment = z
  .object({
    ...deploymentFields,
    organizationId: deploymentFields.organizationId.default(null),
    note: deploymentFields.note.default(''),
  })
  .strict();
export type TCreateDeployment = z.infer<typeof ZCreateDeployment>;
export const ZUpdateDeployment = z.object(deploymentFields).omit({ userId: true }).partial().strict();
export type TUpdateDeployment = z.infer<typeof ZUpdateDeployment>;
/** Deployments overlapping `from`–`to` (the calendar of who is where), optionally of one person. */
export const ZDeploymentQuery = z.object({ from: ZDate, to: ZDate, userId: ZUuid.optional() });
export type TDeploymentQuery = z.infer<typeof ZDeploymentQuery>;

/** What a person hands over when a deployment starts: their open tickets and their customers' notes. */
export const ZHandover = z.object({
  deployment: ZDeployment,
  tickets: z.array(
    z.object({
      id: ZUuid,
      number: z.string(),
      title: z.string(),
      status: z.string(),
      priority: z.string(),
      organization: z.object({ id: ZUuid, name: z.string() }),
    }),
  ),
  customers: z.array(
    z.object({
      id: ZUuid,
      name: z.string(),
      specialNotes: z.string(),
      /** The customer/module slots the person holds as primary agent (null: the whole customer). */
      primaryAgentModules: z.array(z.string().nullable()),
    }),
  ),
  /** Active inspection schedules assigned to the person with occurrences due in the deployment period. */
  inspections: z.array(
    z.object({
      schedule: z.object({ id: ZUuid, name: z.string() }),
      organization: z.object({ id: ZUuid, name: z.string() }),
      system: z.object({ id: ZUuid, sid: z.string() }).nullable(),
      /** Due dates (business days of the contract's calendar) within the deployment, at most 24. */
      dueDates: z.array(z.string()),
    }),
  ),
});
export type THandover = z.infer<typeof ZHandover>;

export const ZHandoverItem = z.object({
  id: ZUuid,
  deploymentId: ZUuid,
  /** The ticket handed over; null when an inspection schedule was (`schedule`). */
  ticket: z.object({ id: ZUuid, number: z.string(), title: z.string() }).nullable(),
  /** The inspection schedule whose upcoming inspections were handed over (its assignee changed). */
  schedule: z.object({ id: ZUuid, name: z.string() }).nullable(),
  from: ZActorRef,
  to: ZActorRef,
  note: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type THandoverItem = z.infer<typeof ZHandoverItem>;
/** Hands one open ticket (or an inspection schedule) of the deployed person to a colleague, with a handover note (인수인계 메모). */
export const ZCreateHandoverItem = z
  .object({
    ticketId: ZUuid.optional(),
    /** Instead of a ticket: an inspection schedule of the person, whose assignee becomes `toUserId`. */
    scheduleId: ZUuid.optional(),
    toUserId: ZUuid,
    note: z.string().trim().min(1).max(5000),
  })
  .strict()
  .refine((v) => (v.ticketId === undefined) !== (v.scheduleId === undefined), {
    message: 'Name either ticketId or scheduleId',
    path: ['ticketId'],
  });
export type TCreateHandoverItem = z.infer<typeof ZCreateHandoverItem>;
/** Handover items received (`mine`: those handed to the caller), optionally only the unacknowledged ones. */
export const ZHandoverItemQuery = z.object({
  deploymentId: ZUuid.optional(),
  toUserId: ZUuid.optional(),
  isPending: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type THandoverItemQuery = z.infer<typeof ZHandoverItemQuery>;
