import type { TBulkUpdateResult, TBulkUpdateTickets, TLocale, TProblem } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { AppError, textIn } from '../http/errors.js';
import { PROBLEM_TITLES } from '../http/problem.js';
import { updateTicket } from './update-ticket.js';

function problemOf(error: unknown, locale: TLocale): TProblem {
  const status = error instanceof AppError ? error.status : 500;
  const title = (PROBLEM_TITLES[status] ?? PROBLEM_TITLES[status >= 500 ? 500 : 400]!)[locale];
  const detail =
    error instanceof AppError
      ? textIn(error.text, locale)
      : locale === 'ko'
        ? '서버 오류가 발생했습니다'
        : 'Something went wrong on our side';
  return { type: `https://hamkke.dev/problems/${status}`, title, status, detail };
}

/**
 * Applies one change (assignee, status) to many tickets, each in its own transaction exactly as its
 * PATCH would: a ticket either takes the whole change or is left as it was, and the result says
 * which and why. One ticket's refusal (an illegal status step, a ticket out of scope) stops no other.
 */
export async function bulkUpdateTickets(
  actor: TActor,
  input: TBulkUpdateTickets,
  locale: TLocale,
  log: { error: (obj: object, msg: string) => void },
): Promise<TBulkUpdateResult> {
  assert(canWork(actor));
  const items: TBulkUpdateResult['items'] = [];
  for (const id of input.ids) {
    try {
      const view = await updateTicket(actor, id, input.change);
      items.push({ id, isOk: true, number: view.ticket.number, problem: null });
    } catch (error) {
      if (!(error instanceof AppError)) log.error({ err: error, ticketId: id }, 'bulk update failed');
      items.push({ id, isOk: false, number: null, problem: problemOf(error, locale) });
    }
  }
  return { items };
}
