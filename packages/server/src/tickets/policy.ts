import { Conflict } from '../http/errors.js';

/**
 * A closed or cancelled ticket takes internal notes and files for the record, but nothing more
 * for the customer to read: they open a new ticket instead.
 */
export function assertTakesPublicPosts(ticket: { status: string }, visibility: 'public' | 'internal'): void {
  if (visibility === 'public' && (ticket.status === 'closed' || ticket.status === 'cancelled')) {
    throw new Conflict({
      en: `The ticket is ${ticket.status}; open a new ticket instead`,
      ko: `종료(${ticket.status})된 티켓에는 답변할 수 없습니다. 새 티켓을 등록하세요`,
    });
  }
}
