import {
  onCallShifts,
  type TOnCallNow,
  type TOnCallPiece,
  type TOnCallSchedule,
  type TOnCallScheduleQuery,
  type TOnCallShift,
  whoIsOnCall,
} from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { NotFound } from '../http/errors.js';
import {
  loadOverrides,
  loadRotations,
  namesOf,
  overrideRuleOf,
  ROTATION,
  ruleOf,
  type TLoadedRotation,
  type TOverrideRow,
} from './get-rotation.js';

/** How far ahead "next" looks: a rotation whose next change is further away has none. */
const NEXT_HORIZON_MS = 120 * 86_400_000;

export const rotationRef = (r: TLoadedRotation) => ({
  id: r.id,
  name: r.name,
  team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
});

function presentShift(rotationId: string, p: TOnCallPiece, names: Map<string, string>): TOnCallShift {
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    rotationId,
    person: ref(p.userId)!,
    start: p.start.toISOString(),
    end: p.end.toISOString(),
    scheduledPerson: ref(p.scheduledUserId),
    overrideId: p.overrideId,
    forPerson: ref(p.forUserId),
  };
}

const piecesNames = (pieces: (TOnCallPiece | null)[]) =>
  pieces.flatMap((p) => (p ? [p.userId, p.scheduledUserId, p.forUserId] : []));

/** The on-call pieces of each rotation over `[from, to)`, computed by core from the rule and its overrides. */
export async function shiftsOf(
  tx: TDbOrTx,
  rotations: TLoadedRotation[],
  from: Date,
  to: Date,
): Promise<{ rotation: TLoadedRotation; pieces: TOnCallPiece[] }[]> {
  const overrides = await loadOverrides(
    tx,
    rotations.map((r) => r.id),
    from,
    to,
  );
  return rotations.map((rotation) => ({
    rotation,
    pieces: onCallShifts(ruleOf(rotation), overridesOf(overrides, rotation.id), from, to),
  }));
}

const overridesOf = (rows: TOverrideRow[], rotationId: string) =>
  rows.filter((o) => o.rotationId === rotationId).map(overrideRuleOf);

/** The shifts of every rotation (or one) in a period, for the calendar. */
export async function onCallSchedule(actor: TActor, query: TOnCallScheduleQuery): Promise<TOnCallSchedule> {
  assert(isStaff(actor));
  const from = new Date(query.from);
  const to = new Date(query.to);
  const rotations = await loadRotations(db, query.rotationId ? [query.rotationId] : undefined);
  if (query.rotationId && rotations.length === 0) throw new NotFound(ROTATION);
  const all = await shiftsOf(db, rotations, from, to);
  const names = await namesOf(
    db,
    all.flatMap((s) => piecesNames(s.pieces)),
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    rotations: rotations.map(rotationRef),
    items: all.flatMap(({ rotation, pieces }) => pieces.map((p) => presentShift(rotation.id, p, names))),
  };
}

/** Who is on call now in each rotation, and who takes over next. */
export async function onCallNow(actor: TActor, at = new Date()): Promise<TOnCallNow> {
  assert(isStaff(actor));
  const rotations = await loadRotations(db);
  const overrides = await loadOverrides(
    db,
    rotations.map((r) => r.id),
    at,
    new Date(at.getTime() + NEXT_HORIZON_MS),
  );
  const found = rotations.map((rotation) => {
    const rule = ruleOf(rotation);
    const own = overridesOf(overrides, rotation.id);
    const current = whoIsOnCall(rule, own, at);
    // The next piece with another person: a shift may be cut by an override of the same person.
    const horizon = new Date(at.getTime() + NEXT_HORIZON_MS);
    const start = current?.end ?? at;
    const ahead = start < horizon ? onCallShifts(rule, own, start, horizon) : [];
    const next = ahead.find((p) => p.userId !== current?.userId) ?? null;
    return { rotation, current, next };
  });
  const names = await namesOf(
    db,
    found.flatMap((f) => piecesNames([f.current, f.next])),
  );
  return {
    at: at.toISOString(),
    items: found.map((f) => ({
      rotation: rotationRef(f.rotation),
      current: f.current ? presentShift(f.rotation.id, f.current, names) : null,
      next: f.next ? presentShift(f.rotation.id, f.next, names) : null,
    })),
  };
}
