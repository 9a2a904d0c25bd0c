import { DAY_MS, dayNumberOf, weekdayOf } from '../calendar/dates.js';
import { zoneOffsetMs } from '../calendar/time-zone.js';

/** How a rotation hands over: its members in order, one shift each, from the first handover on. */
export type TRotationRule = {
  /** The members in rotation order; the first one takes the first shift. */
  memberIds: readonly string[];
  /** Length of a shift in local days (7: weekly). */
  shiftDays: number;
  /** Weekday of the handover, 0 = Sunday … 6 = Saturday (with 7-day shifts, every shift starts on it). */
  handoverWeekday: number;
  /** Local wall time of the handover, `HH:MM`. */
  handoverTime: string;
  timeZone: string;
  /** The first handover is on this date or the first `handoverWeekday` after it. */
  startsOn: string;
};

/** Someone covers `[startsAt, endsAt)` instead of whoever the rotation names (sick, holiday swap). */
export type TOverrideRule = {
  id: string;
  userId: string;
  /** Whom they cover, when it is one person; informational. */
  forUserId?: string | null;
  startsAt: Date;
  endsAt: Date;
};

/** Who is on call over `[start, end)`, and why: a shift of the rotation or an override. */
export type TOnCallPiece = {
  userId: string;
  start: Date;
  end: Date;
  /** The rotation's shift number (0 is the first), or null before the rotation starts. */
  shiftIndex: number | null;
  /** Whom the rotation names for this time, when an override replaces them. */
  scheduledUserId: string | null;
  overrideId: string | null;
  forUserId: string | null;
};

const MINUTE_MS = 60_000;

/** The instant at local wall time `minutes` after midnight of local day `day` in `timeZone`. */
function localInstant(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const guess = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, guess);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The local day of the first handover: `startsOn` or the next day on the handover weekday. */
function anchorDay(rule: TRotationRule): number {
  const day = dayNumberOf(rule.startsOn);
  return day + ((rule.handoverWeekday - weekdayOf(day) + 7) % 7);
}

/** The instant shift `k` of the rotation begins (shift `k + 1` begins where it ends). */
export function shiftStartOf(rule: TRotationRule, k: number): Date {
  return new Date(
    localInstant(anchorDay(rule) + k * rule.shiftDays, minutesOf(rule.handoverTime), rule.timeZone),
  );
}

/** The shift number running at `t`, or -1 before the first handover. */
function shiftIndexAt(rule: TRotationRule, t: number): number {
  const anchor = anchorDay(rule);
  const localDay = Math.floor((t + zoneOffsetMs(rule.timeZone, t)) / DAY_MS);
  let k = Math.floor((localDay - anchor) / rule.shiftDays);
  while (k >= 0 && shiftStartOf(rule, k).getTime() > t) k--;
  while (shiftStartOf(rule, k + 1).getTime() <= t) k++;
  return Math.max(k, -1);
}

/** The member the rotation names at `at` (no overrides), with the shift's bounds; null before it starts or without members. */
export function scheduledShiftAt(
  rule: TRotationRule,
  at: Date,
): { userId: string; index: number; start: Date; end: Date } | null {
  const n = rule.memberIds.length;
  if (n === 0) return null;
  const k = shiftIndexAt(rule, at.getTime());
  if (k < 0) return null;
  return {
    userId: rule.memberIds[k % n]!,
    index: k,
    start: shiftStartOf(rule, k),
    end: shiftStartOf(rule, k + 1),
  };
}

/** The override in force at `t`: of several, the last in the list (the newest) wins. */
function overrideAt(overrides: readonly TOverrideRule[], t: number): TOverrideRule | null {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const o = overrides[i]!;
    if (o.startsAt.getTime() <= t && t < o.endsAt.getTime()) return o;
  }
  return null;
}

/**
 * Who is on call at `at`: an override in force wins, else the rotation's member for the shift.
 * Exactly one person at every instant from the first handover on when the rotation has members;
 * null before it (unless an override covers the instant) or with no members and no override.
 * `start`/`end` bound the piece of time this answer holds for (a shift, cut by overrides).
 */
export function whoIsOnCall(
  rule: TRotationRule,
  overrides: readonly TOverrideRule[],
  at: Date,
): TOnCallPiece | null {
  const t = at.getTime();
  const shift = scheduledShiftAt(rule, at);
  const override = overrideAt(overrides, t);
  if (!shift && !override) return null;
  // The answer holds until the next shift change or override edge after `t`, and since the last one.
  let start = shift ? shift.start.getTime() : Number.NEGATIVE_INFINITY;
  let end = shift ? shift.end.getTime() : firstShiftStart(rule);
  for (const o of overrides) {
    const s = o.startsAt.getTime();
    const e = o.endsAt.getTime();
    if (s <= t && s > start) start = s;
    if (e <= t && e > start) start = e;
    if (s > t && s < end) end = s;
    if (e > t && e < end) end = e;
  }
  return {
    userId: override ? override.userId : shift!.userId,
    start: new Date(start),
    end: new Date(end),
    shiftIndex: shift ? shift.index : null,
    scheduledUserId: override ? (shift?.userId ?? null) : null,
    overrideId: override?.id ?? null,
    forUserId: override?.forUserId ?? null,
  };
}

const firstShiftStart = (rule: TRotationRule) =>
  rule.memberIds.length ? shiftStartOf(rule, 0).getTime() : Number.POSITIVE_INFINITY;

/**
 * The on-call pieces covering `[from, to)`, in order, each clipped to the range: rotation shifts cut
 * where overrides begin and end. Instants nobody covers (before the first handover) are left out.
 */
export function onCallShifts(
  rule: TRotationRule,
  overrides: readonly TOverrideRule[],
  from: Date,
  to: Date,
): TOnCallPiece[] {
  const out: TOnCallPiece[] = [];
  let t = from.getTime();
  const end = to.getTime();
  while (t < end) {
    const piece = whoIsOnCall(rule, overrides, new Date(t));
    if (!piece) {
      const next = Math.min(
        firstShiftStart(rule),
        ...overrides.map((o) => o.startsAt.getTime()).filter((s) => s > t),
      );
      if (!Number.isFinite(next) || next >= end) break;
      t = next;
      continue;
    }
    const pieceEnd = Math.min(piece.end.getTime(), end);
    out.push({ ...piece, start: new Date(Math.max(piece.start.getTime(), t)), end: new Date(pieceEnd) });
    t = pieceEnd;
  }
  return out;
}
