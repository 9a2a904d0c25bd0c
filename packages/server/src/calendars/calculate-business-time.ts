import {
  addBusinessMinutes,
  businessMinutesBetween,
  DAY_MS,
  type TBusinessTimeQuery,
  type TBusinessTimeResult,
} from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { Invalid, NotFound } from '../http/errors.js';
import { CALENDAR, getCalendar } from './get-calendar.js';
import { loadCalendar } from './load-calendars.js';

/** How far the calculator looks: enough for any SLA, and a bound on the work one request can cause. */
const HORIZON_MS = 10 * 366 * DAY_MS;
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');

const TOO_FAR = {
  en: 'The answer lies more than ten years from the start',
  ko: '결과가 시작 시각으로부터 10년을 넘습니다',
};

/**
 * The calculator of the calendar page, on the calendar as the SLA clocks use it: from `from`, the
 * instant `minutes` business minutes later, or the business minutes up `to` an instant (negative
 * when `to` is earlier).
 */
export async function calculateBusinessTime(
  actor: TActor,
  ref: string,
  query: TBusinessTimeQuery,
): Promise<TBusinessTimeResult> {
  const row = await getCalendar(actor, ref);
  const loaded = await loadCalendar(row.key);
  if (!loaded) throw new NotFound(CALENDAR);
  const { calendar } = loaded;
  const from = new Date(query.from);
  if (query.to !== undefined) {
    const to = new Date(query.to);
    if (Math.abs(to.getTime() - from.getTime()) > HORIZON_MS) throw new Invalid('to', TOO_FAR, 'query');
    return { minutes: businessMinutesBetween(from, to, calendar) };
  }
  const minutes = query.minutes ?? 0;
  const horizon = new Date(Math.min(from.getTime() + HORIZON_MS, LAST_MS));
  if (businessMinutesBetween(from, horizon, calendar) < minutes) {
    throw new Invalid('minutes', TOO_FAR, 'query');
  }
  return { due: addBusinessMinutes(from, minutes, calendar).toISOString() };
}
