import {
  IMPROVEMENT_FLOW,
  type TCreateImprovement,
  type TImprovement,
  type TUpdateImprovement,
} from '@hamkke/core';
import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { articles, improvementArticles, improvements, improvementTickets, tickets } from '../db/schema.js';
import { Conflict, Invalid } from '../http/errors.js';
import { checkOrganizations, checkWorkers } from '../teams/check-team-references.js';
import { addDays, seoulToday } from '../teams/iso-week.js';
import { computeMetric } from './compute-metric.js';
import { getImprovementRow, presentImprovements, type TImprovementRow } from './get-improvement.js';

/** The baseline window when none was given: the twelve weeks before today (Seoul). */
const BASELINE_DAYS = 84;

async function checkLinks(tx: TTx, input: { ticketIds?: string[]; articleIds?: string[] }) {
  const ticketIds = [...new Set(input.ticketIds ?? [])];
  if (ticketIds.length) {
    const found = await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ticketIds));
    if (found.length !== ticketIds.length)
      throw new Invalid('ticketIds', {
        en: 'ticketIds names a ticket that does not exist',
        ko: 'ticketIds에 존재하지 않는 티켓이 있습니다',
      });
  }
  const articleIds = [...new Set(input.articleIds ?? [])];
  if (articleIds.length) {
    const found = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, articleIds));
    if (found.length !== articleIds.length)
      throw new Invalid('articleIds', {
        en: 'articleIds names an article that does not exist',
        ko: 'articleIds에 존재하지 않는 문서가 있습니다',
      });
  }
  return { ticketIds, articleIds };
}

async function setLinks(tx: TTx, id: string, links: { ticketIds?: string[]; articleIds?: string[] }) {
  if (links.ticketIds) {
    await tx.delete(improvementTickets).where(eq(improvementTickets.improvementId, id));
    if (links.ticketIds.length)
      await tx
        .insert(improvementTickets)
        .values(links.ticketIds.map((ticketId) => ({ improvementId: id, ticketId })));
  }
  if (links.articleIds) {
    await tx.delete(improvementArticles).where(eq(improvementArticles.improvementId, id));
    if (links.articleIds.length)
      await tx
        .insert(improvementArticles)
        .values(links.articleIds.map((articleId) => ({ improvementId: id, articleId })));
  }
}

function checkWindow(from: string | null, to: string | null, field: 'baselineTo' | 'measureTo') {
  if (from && to && to < from) {
    const start = field === 'baselineTo' ? 'baselineFrom' : 'measureFrom';
    throw new Invalid(field, {
      en: `${field} must not be before ${start}`,
      ko: `${field}는 ${start}보다 앞설 수 없습니다`,
    });
  }
}

async function checkFields(tx: TTx, input: Partial<TCreateImprovement>) {
  if (input.ownerId) await checkWorkers(tx, 'ownerId', [input.ownerId]);
  if (input.metric?.organizationId)
    await checkOrganizations(tx, 'metric.organizationId', [input.metric.organizationId]);
  return checkLinks(tx, input);
}

/** Anyone who works tickets records an improvement idea; the owner defaults to its author. */
export async function createImprovement(actor: TActor, input: TCreateImprovement): Promise<TImprovement> {
  assert(canWork(actor));
  checkWindow(input.baselineFrom, input.baselineTo, 'baselineTo');
  checkWindow(input.measureFrom, input.measureTo, 'measureTo');
  return db.transaction(async (tx) => {
    const links = await checkFields(tx, input);
    const { ticketIds: _t, articleIds: _a, ...fields } = input;
    const [row] = await tx
      .insert(improvements)
      .values({
        ...fields,
        ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
        createdById: actor.userId,
      })
      .returning();
    await setLinks(tx, row!.id, links);
    const [created] = await presentImprovements(tx, [row!]);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'improvement',
      entityId: row!.id,
      after: created,
    });
    return created!;
  });
}

/** What entering a status computes: the value before on `doing`, the start of measuring, the value after on `done`. */
async function onStatus(tx: TTx, next: TImprovementRow): Promise<Partial<TImprovementRow>> {
  const today = seoulToday();
  const patch: Partial<TImprovementRow> = {};
  if (next.status === 'doing' && next.metric) {
    const to = next.baselineTo ?? addDays(today, -1);
    const from = next.baselineFrom ?? addDays(to, -(BASELINE_DAYS - 1));
    const before = await computeMetric(tx, next.metric, { from, to });
    Object.assign(patch, {
      baselineFrom: from,
      baselineTo: to,
      baselineValue: before.value,
      baselineComputedAt: new Date(),
    });
  }
  if (next.status === 'measuring' && !next.measureFrom) patch.measureFrom = today;
  if (next.status === 'done' && next.metric) {
    const from = next.measureFrom ?? (next.baselineTo ? addDays(next.baselineTo, 1) : today);
    const to = next.measureTo ?? today;
    checkWindow(from, to, 'measureTo');
    const after = await computeMetric(tx, next.metric, { from, to });
    Object.assign(patch, {
      measureFrom: from,
      measureTo: to,
      afterValue: after.value,
      afterComputedAt: new Date(),
    });
  }
  return patch;
}

/** Changes an item; a status moves only along IMPROVEMENT_FLOW, and a stale `version` is a conflict. */
export async function updateImprovement(
  actor: TActor,
  id: string,
  input: TUpdateImprovement,
): Promise<TImprovement> {
  assert(canWork(actor));
  return db.transaction(async (tx) => {
    const before = await getImprovementRow(actor, id, tx, true);
    const { version, status, ticketIds, articleIds, ...fields } = input;
    if (version !== undefined && version !== before.version) {
      throw new Conflict(
        {
          en: 'The item was changed by someone else; reload it',
          ko: '다른 사람이 먼저 수정했습니다. 새로 고친 뒤 다시 시도하세요',
        },
        [{ path: 'version', message: 'stale version', in: 'body' }],
      );
    }
    if (status && status !== before.status && !IMPROVEMENT_FLOW[before.status].includes(status)) {
      const message = {
        en: `The status cannot change from ${before.status} to ${status}`,
        ko: `상태를 ${before.status}에서 ${status}(으)로 바꿀 수 없습니다`,
      };
      throw new Conflict(message, [{ path: 'status', message: message.en, in: 'body' }]);
    }
    const links = await checkFields(tx, { ...fields, ticketIds, articleIds });
    const next = { ...before, ...fields, status: status ?? before.status };
    checkWindow(next.baselineFrom, next.baselineTo, 'baselineTo');
    checkWindow(next.measureFrom, next.measureTo, 'measureTo');
    const computed = status && status !== before.status ? await onStatus(tx, next) : {};
    const [row] = await tx
      .update(improvements)
      .set({
        ...fields,
        ...(status ? { status } : {}),
        ...computed,
        version: sql`${improvements.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(improvements.id, id))
      .returning();
    await setLinks(tx, id, {
      ticketIds: ticketIds ? links.ticketIds : undefined,
      articleIds: articleIds ? links.articleIds : undefined,
    });
    const [presentedBefore] = await presentImprovements(tx, [before]);
    const [after] = await presentImprovements(tx, [row!]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'improvement',
      entityId: id,
      before: presentedBefore,
      after,
    });
    return after!;
  });
}
