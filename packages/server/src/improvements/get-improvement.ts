import type { TImprovement } from '@hamkke/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import {
  articles,
  improvementArticles,
  improvements,
  improvementTickets,
  meetingDecisions,
  meetings,
  tickets,
  users,
} from '../db/schema.js';
import { NotFound } from '../http/errors.js';

export const IMPROVEMENT = { en: 'improvement', ko: '개선 항목' };
export type TImprovementRow = typeof improvements.$inferSelect;

/** The rows shaped for the API with owner names and linked tickets and articles (the register's presenter). */
export async function presentImprovements(tx: TDbOrTx, rows: TImprovementRow[]): Promise<TImprovement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ownerIds = rows.map((r) => r.ownerId).filter((id): id is string => Boolean(id));
  const [owners, linkedTickets, linkedArticles, decisions] = await Promise.all([
    ownerIds.length
      ? tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds))
      : [],
    tx
      .select({
        improvementId: improvementTickets.improvementId,
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
      })
      .from(improvementTickets)
      .innerJoin(tickets, eq(tickets.id, improvementTickets.ticketId))
      .where(inArray(improvementTickets.improvementId, ids))
      .orderBy(tickets.number),
    tx
      .select({ improvementId: improvementArticles.improvementId, id: articles.id, title: articles.title })
      .from(improvementArticles)
      .innerJoin(articles, eq(articles.id, improvementArticles.articleId))
      .where(inArray(improvementArticles.improvementId, ids))
      .orderBy(articles.title),
    tx
      .select({
        improvementId: meetingDecisions.improvementId,
        id: meetingDecisions.id,
        meetingId: meetingDecisions.meetingId,
        week: meetings.week,
        text: meetingDecisions.text,
      })
      .from(meetingDecisions)
      .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
      .where(inArray(meetingDecisions.improvementId, ids))
      .orderBy(meetingDecisions.createdAt),
  ]);
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    origin: r.origin,
    owner: r.ownerId ? { id: r.ownerId, name: names.get(r.ownerId) ?? '' } : null,
    status: r.status,
    metric: r.metric
      ? {
          kind: r.metric.kind,
          organizationId: r.metric.organizationId ?? null,
          module: r.metric.module ?? null,
        }
      : null,
    baselineFrom: r.baselineFrom,
    baselineTo: r.baselineTo,
    baselineValue: r.baselineValue,
    baselineComputedAt: iso(r.baselineComputedAt),
    targetValue: r.targetValue,
    measureFrom: r.measureFrom,
    measureTo: r.measureTo,
    afterValue: r.afterValue,
    afterComputedAt: iso(r.afterComputedAt),
    tickets: linkedTickets
      .filter((t) => t.improvementId === r.id)
      .map(({ id, number, title }) => ({ id, number, title })),
    articles: linkedArticles.filter((a) => a.improvementId === r.id).map(({ id, title }) => ({ id, title })),
    decisions: decisions
      .filter((d) => d.improvementId === r.id)
      .map(({ id, meetingId, week, text }) => ({ id, meetingId, week, text })),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The register: staff read it (it is the team's internal work); customers do not. */
export async function listImprovements(
  actor: TActor,
  query: { status?: TImprovementRow['status'][]; kind?: 'B' | 'C'; ownerId?: string },
): Promise<TImprovement[]> {
  assert(isStaff(actor));
  const rows = await db
    .select()
    .from(improvements)
    .where(
      and(
        query.status ? inArray(improvements.status, query.status) : undefined,
        query.kind ? eq(improvements.kind, query.kind) : undefined,
        query.ownerId ? eq(improvements.ownerId, query.ownerId) : undefined,
      ),
    )
    .orderBy(desc(improvements.updatedAt))
    .limit(500);
  return presentImprovements(db, rows);
}

export async function getImprovementRow(actor: TActor, id: string, tx: TDbOrTx = db, lock = false) {
  assert(isStaff(actor));
  const query = tx.select().from(improvements).where(eq(improvements.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound(IMPROVEMENT);
  return row;
}

export async function getImprovement(actor: TActor, id: string): Promise<TImprovement> {
  const row = await getImprovementRow(actor, id);
  return (await presentImprovements(db, [row]))[0]!;
}
