import { eq } from 'drizzle-orm';
import type { TTx } from '../db/database.js';
import {
  inspectionAnswers,
  inspectionRuns,
  inspectionTemplates,
  inspectionTemplateVersions,
} from '../db/schema.js';
import { ensureStandardTemplates } from '../inspections/standard-templates.js';
import type { TDemoChecklist } from './plan-inspections.js';

/**
 * Writes the demo inspections' checklists on the current version of the standard Basis template:
 * the run (completed with the ticket's resolution) and the answers with their follow-up links.
 * Items the current version no longer has are left out.
 */
export async function insertDemoChecklists(tx: TTx, checklists: readonly TDemoChecklist[]): Promise<void> {
  if (checklists.length === 0) return;
  await ensureStandardTemplates(tx);
  const versions = await tx
    .select({
      id: inspectionTemplateVersions.id,
      items: inspectionTemplateVersions.items,
      version: inspectionTemplateVersions.version,
      currentVersion: inspectionTemplates.currentVersion,
    })
    .from(inspectionTemplates)
    .innerJoin(inspectionTemplateVersions, eq(inspectionTemplateVersions.templateId, inspectionTemplates.id))
    .where(eq(inspectionTemplates.key, 'basis-monthly'));
  const current = versions.find((v) => v.version === v.currentVersion)!;
  const itemIds = new Set(current.items.map((i) => i.id));
  await tx.insert(inspectionRuns).values(
    checklists.map((c) => ({
      ticketId: c.ticketId,
      templateVersionId: current.id,
      completedAt: c.completedAt,
      completedById: c.completedAt ? c.answeredById : null,
      createdAt: c.startedAt,
    })),
  );
  const answers = checklists.flatMap((c) =>
    c.answers
      .filter((a) => itemIds.has(a.itemId))
      .map((a) => ({
        ticketId: c.ticketId,
        itemId: a.itemId,
        result: a.result,
        note: a.note,
        followUpTicketId: a.followUpTicketId,
        answeredById: c.answeredById,
        answeredAt: a.answeredAt,
      })),
  );
  for (let i = 0; i < answers.length; i += 500)
    await tx.insert(inspectionAnswers).values(answers.slice(i, i + 500));
}
