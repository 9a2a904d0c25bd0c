import type { TTicket } from '@hamkke/core';
import type { TFunction } from 'i18next';

/** The team works in Seoul: times show in its zone, whatever the browser's. */
const ZONE = 'Asia/Seoul';
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026-11-25 09:30`, in Seoul. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? DATE_TIME.format(new Date(iso)) : '';

/** Today's date in Seoul, `YYYY-MM-DD`. */
export const todayInSeoul = (): string => DATE_TIME.format(new Date()).slice(0, 10);

/** `2026-11-25T09:30` for a datetime-local input, in Seoul. */
export const toLocalInput = (iso: string | null | undefined): string =>
  iso ? DATE_TIME.format(new Date(iso)).replace(' ', 'T') : '';

/** A datetime-local value read as Seoul time (UTC+9, no daylight saving). */
export const fromLocalInput = (value: string): string | null => (value ? `${value}:00+09:00` : null);

export function formatMinutes(t: TFunction, total: number): string {
  const minutes = Math.round(Math.abs(total));
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  return t('duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** `tone` names a CSS class of the list (sla-…); `color` is Mantine's colour for the same. */
export type TSlaView = { text: string; color: string; tone: 'none' | 'ok' | 'risk' | 'breached' | 'paused' };

/** The clock that matters now: the first response until it is met, then the resolution. */
export function slaOf(t: TFunction, sla: TTicket['sla']): TSlaView {
  const clock = sla.response.state !== 'met' && sla.response.state !== 'none' ? sla.response : sla.resolution;
  switch (clock.state) {
    case 'none':
      return { text: t('sla.none'), color: 'gray.8', tone: 'none' };
    case 'met':
      return { text: t('sla.met'), color: 'teal.9', tone: 'ok' };
    case 'paused':
      return { text: t('sla.paused'), color: 'gray.8', tone: 'paused' };
    case 'breached':
      return {
        text: t('sla.breached', { time: formatMinutes(t, clock.remainingMinutes ?? 0) }),
        color: 'red.9',
        tone: 'breached',
      };
    default:
      return {
        text: t('sla.remaining', { time: formatMinutes(t, clock.remainingMinutes ?? 0) }),
        color: clock.state === 'at_risk' ? 'orange.9' : 'inherit',
        tone: clock.state === 'at_risk' ? 'risk' : 'ok',
      };
  }
}

export const PRIORITY_COLORS: Record<string, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };
