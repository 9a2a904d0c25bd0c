import { randomUUID } from 'node:crypto';
import type { TTicketStatus } from '@hamkke/core';
import type { comments, ticketEvents, timeEntries } from '../db/schema.js';
import { kstDate } from './demo-clock.js';

export type TPerson = { id: string; name: string };
type TEventRow = typeof ticketEvents.$inferInsert;
type TCommentRow = typeof comments.$inferInsert;
type TTimeEntryRow = typeof timeEntries.$inferInsert;

const MINUTE_MS = 60_000;

/**
 * Writes one ticket's timeline the way the use cases would have (events, comments, time entries,
 * status with its resolved/closed times and version), backdated. Nothing is written past `now`:
 * the first step that would lie in the future ends the story, so the status fits the ticket's age.
 */
export class DemoTimeline {
  readonly events: TEventRow[] = [];
  readonly comments: TCommentRow[] = [];
  readonly timeEntries: TTimeEntryRow[] = [];
  status: TTicketStatus = 'new';
  assigneeId: string | null;
  version = 1;
  resolvedAt: Date | null = null;
  closedAt: Date | null = null;
  /** True until a step would lie in the future. */
  isLive = true;
  private last: Date;

  constructor(
    private readonly ticketId: string,
    private readonly now: Date,
    readonly createdAt: Date,
    creatorId: string | null,
    assigneeId: string | null,
  ) {
    this.assigneeId = assigneeId;
    this.last = createdAt;
    this.events.push({ ticketId, actorId: creatorId, kind: 'created', visibility: 'public', createdAt });
  }

  /** When the ticket last changed: its latest event. */
  get updatedAt(): Date {
    return this.last;
  }

  /** The time a step really happens: after the previous one, and never in the future. */
  private admit(at: Date): Date | null {
    if (!this.isLive) return null;
    const t = at.getTime() > this.last.getTime() ? at : new Date(this.last.getTime() + MINUTE_MS);
    if (t.getTime() > this.now.getTime()) {
      this.isLive = false;
      return null;
    }
    this.last = t;
    return t;
  }

  comment(at: Date, authorId: string, body: string, visibility: 'public' | 'internal'): boolean {
    const t = this.admit(at);
    if (!t) return false;
    const id = randomUUID();
    this.comments.push({ id, ticketId: this.ticketId, authorId, body, visibility, createdAt: t });
    this.events.push({
      ticketId: this.ticketId,
      actorId: authorId,
      kind: 'comment',
      visibility,
      subjectId: id,
      createdAt: t,
    });
    return true;
  }

  time(
    at: Date,
    userId: string,
    entry: { minutes: number; workClass: 'A' | 'B' | 'C'; billable: boolean; note: string },
  ): boolean {
    const t = this.admit(at);
    if (!t) return false;
    const id = randomUUID();
    this.timeEntries.push({
      id,
      ticketId: this.ticketId,
      userId,
      workDate: kstDate(t),
      createdAt: t,
      ...entry,
    });
    this.events.push({
      ticketId: this.ticketId,
      actorId: userId,
      kind: 'time_entry',
      visibility: 'internal',
      subjectId: id,
      createdAt: t,
    });
    return true;
  }

  /** A status change, as updateTicket records it; triage also hands the ticket to its assignee. */
  move(
    at: Date,
    actorId: string,
    to: TTicketStatus,
    opts: { assignee?: TPerson; reason?: 'customer_reply' } = {},
  ): boolean {
    const t = this.admit(at);
    if (!t) return false;
    const changes: { field: string; from: unknown; to: unknown }[] = [
      { field: 'status', from: this.status, to },
    ];
    if (opts.assignee) {
      changes.push({ field: 'assignee', from: null, to: { id: opts.assignee.id, name: opts.assignee.name } });
      this.assigneeId = opts.assignee.id;
    }
    if (to === 'resolved') this.resolvedAt = t;
    else if (to === 'closed') this.closedAt = t;
    else if (this.status === 'resolved') this.resolvedAt = null;
    this.status = to;
    this.version += 1;
    this.events.push({
      ticketId: this.ticketId,
      actorId,
      kind: 'changed',
      visibility: 'public',
      data: opts.reason ? { changes, reason: opts.reason } : { changes },
      createdAt: t,
    });
    return true;
  }
}
