import { z } from 'zod';
import { ZTimeZone } from './calendars.js';
import { ZActorRef, ZDate, ZInstant, ZUuid, zLine } from './common.js';

/** A handover time `HH:MM` (00:00–23:59). */
export const ZHandoverTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** An on-call rotation: a team's (or the default one, `team` null) ordered members taking shifts in turn. */
export const ZRotation = z.object({
  id: ZUuid,
  name: z.string(),
  team: ZActorRef.nullable(),
  members: z.array(ZActorRef),
  shiftDays: z.number().int(),
  handoverWeekday: z.number().int(),
  handoverTime: z.string(),
  timeZone: z.string(),
  startsOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TRotation = z.infer<typeof ZRotation>;

const rotationFields = {
  name: zLine(100),
  /** The team whose customers it covers; null: the default rotation, for customers no team's rotation covers. */
  teamId: ZUuid.nullable(),
  /** In rotation order, each person once. */
  memberIds: z
    .array(ZUuid)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each person at most once' }),
  shiftDays: z.number().int().min(1).max(28),
  /** 0 = Sunday … 6 = Saturday. */
  handoverWeekday: z.number().int().min(0).max(6),
  handoverTime: ZHandoverTime,
  timeZone: ZTimeZone,
  startsOn: ZDate,
};
export const ZCreateRotation = z
  .object({
    ...rotationFields,
    teamId: rotationFields.teamId.default(null),
    memberIds: rotationFields.memberIds.default([]),
    shiftDays: rotationFields.shiftDays.default(7),
    handoverWeekday: rotationFields.handoverWeekday.default(1),
    handoverTime: rotationFields.handoverTime.default('09:00'),
    timeZone: rotationFields.timeZone.default('Asia/Seoul'),
  })
  .strict();
export type TCreateRotation = z.infer<typeof ZCreateRotation>;
export const ZUpdateRotation = z.object(rotationFields).partial().strict();
export type TUpdateRotation = z.infer<typeof ZUpdateRotation>;

/** Someone covers a period for someone else (sick, holiday swap); wins over the rotation. */
export const ZOverride = z.object({
  id: ZUuid,
  rotationId: ZUuid,
  person: ZActorRef,
  forPerson: ZActorRef.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string(),
  createdBy: ZActorRef.nullable(),
  createdAt: z.string(),
});
export type TOverride = z.infer<typeof ZOverride>;

/** Overrides last at most this long; a longer change belongs in the rotation itself. */
export const MAX_OVERRIDE_DAYS = 92;

export const ZCreateOverride = z
  .object({
    userId: ZUuid,
    forUserId: ZUuid.nullable().default(null),
    startsAt: ZInstant,
    endsAt: ZInstant,
    note: z.string().trim().max(500).default(''),
  })
  .strict()
  .superRefine((o, ctx) => {
    const span = Date.parse(o.endsAt) - Date.parse(o.startsAt);
    if (!(span > 0))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
    else if (span > MAX_OVERRIDE_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `at most ${MAX_OVERRIDE_DAYS} days` });
    if (o.forUserId !== null && o.forUserId === o.userId)
      ctx.addIssue({
        code: 'custom',
        path: ['forUserId'],
        message: 'a person does not cover for themselves',
      });
  });
export type TCreateOverride = z.infer<typeof ZCreateOverride>;

export const ZOverrideQuery = z.object({
  /** Overrides ending after this instant (default: 31 days ago). */
  from: ZInstant.optional(),
});

/** A piece of on-call time: a rotation's shift, or the part of it an override covers. */
export const ZOnCallShift = z.object({
  rotationId: ZUuid,
  person: ZActorRef,
  start: z.string(),
  end: z.string(),
  /** Whom the rotation names for this time when an override replaces them. */
  scheduledPerson: ZActorRef.nullable(),
  overrideId: ZUuid.nullable(),
  forPerson: ZActorRef.nullable(),
});
export type TOnCallShift = z.infer<typeof ZOnCallShift>;

export const ZRotationRef = z.object({ id: ZUuid, name: z.string(), team: ZActorRef.nullable() });

export const ZOnCallNow = z.object({
  at: z.string(),
  items: z.array(
    z.object({ rotation: ZRotationRef, current: ZOnCallShift.nullable(), next: ZOnCallShift.nullable() }),
  ),
});
export type TOnCallNow = z.infer<typeof ZOnCallNow>;

/** At most this many days per schedule request (a month view with its edges fits). */
export const MAX_SCHEDULE_DAYS = 100;

export const ZOnCallScheduleQuery = z
  .object({ from: ZInstant, to: ZInstant, rotationId: ZUuid.optional() })
  .superRefine((q, ctx) => {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    else if (span > MAX_SCHEDULE_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_SCHEDULE_DAYS} days` });
  });
export type TOnCallScheduleQuery = z.infer<typeof ZOnCallScheduleQuery>;

export const ZOnCallSchedule = z.object({
  from: z.string(),
  to: z.string(),
  rotations: z.array(ZRotationRef),
  items: z.array(ZOnCallShift),
});
export type TOnCallSchedule = z.infer<typeof ZOnCallSchedule>;

/** Why a moment is out of hours on the ticket's calendar. */
export const OUT_OF_HOURS_REASONS = ['weekend', 'public_holiday', 'closure', 'after_hours'] as const;
export type TOutOfHoursReason = (typeof OUT_OF_HOURS_REASONS)[number];
