import type { TTicket } from '@hamkke/core';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../format.js';
import './messages.js';

type TClock = TTicket['sla']['response'];

/** When the customer may expect a clock's goal: done, paused, or the due time (late once passed). */
export function expectedText(t: TFunction, clock: TClock): { text: string; isLate: boolean } {
  if (clock.state === 'met') return { text: t('portal.expected.met'), isLate: false };
  if (clock.state === 'paused') return { text: t('portal.expected.paused'), isLate: false };
  if (clock.state === 'none' || !clock.dueAt) return { text: t('portal.expected.none'), isLate: false };
  const time = formatDateTime(clock.dueAt);
  return clock.state === 'breached'
    ? { text: t('portal.expected.late', { time }), isLate: true }
    : { text: t('portal.expected.due', { time }), isLate: false };
}
