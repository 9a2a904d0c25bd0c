import { randomUUID } from 'node:crypto';
import type {
  TCreateInspectionTemplate,
  TInspectionItemInput,
  TInspectionTemplate,
  TUpdateInspectionTemplate,
} from '@hamkke/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { inspectionTemplates, inspectionTemplateVersions, type TTemplateItem } from '../db/schema.js';
import { NotFound } from '../http/errors.js';

export const TEMPLATE = { en: 'inspection template', ko: '점검 템플릿' };
const MANAGERS_ONLY = {
  en: 'Only managers and admins edit inspection templates',
  ko: '점검 템플릿은 관리자와 팀장만 편집할 수 있습니다',
};

type TTemplateRow = typeof inspectionTemplates.$inferSelect;
type TVersionRow = typeof inspectionTemplateVersions.$inferSelect;

/** Joins a template to its current version. */
export const IS_CURRENT_VERSION = and(
  eq(inspectionTemplateVersions.templateId, inspectionTemplates.id),
  eq(inspectionTemplateVersions.version, inspectionTemplates.currentVersion),
);

/** A template's current version, or undefined when there is no such template. */
export async function currentTemplateVersion(
  tx: TDbOrTx,
  templateId: string,
): Promise<TVersionRow | undefined> {
  const [row] = await tx
    .select({ version: inspectionTemplateVersions })
    .from(inspectionTemplates)
    .innerJoin(inspectionTemplateVersions, IS_CURRENT_VERSION)
    .where(eq(inspectionTemplates.id, templateId));
  return row?.version;
}

/** Items with ids: a given id is kept, a new item gets one of its own. */
function withIds(items: TInspectionItemInput[]): TTemplateItem[] {
  return items.map((i) => ({
    id: i.id ?? randomUUID().slice(0, 8),
    area: i.area,
    title: i.title,
    guide: i.guide,
    expected: i.expected,
  }));
}

export function presentTemplate(t: TTemplateRow, v: TVersionRow): TInspectionTemplate {
  return {
    id: t.id,
    version: v.version,
    currentVersion: t.currentVersion,
    name: v.name,
    description: v.description,
    module: v.module,
    isActive: t.isActive,
    items: v.items,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Inserts a template and its first version (also used to seed the standard templates). */
export async function insertTemplate(
  tx: TDbOrTx,
  actor: TActor | null,
  input: TCreateInspectionTemplate,
  key: string | null = null,
): Promise<{ template: TTemplateRow; version: TVersionRow } | null> {
  const [template] = await tx.insert(inspectionTemplates).values({ key }).onConflictDoNothing().returning();
  if (!template) return null;
  const [version] = await tx
    .insert(inspectionTemplateVersions)
    .values({
      templateId: template.id,
      version: 1,
      name: input.name,
      description: input.description,
      module: input.module,
      items: withIds(input.items),
      createdById: actor && actor.userId !== '00000000-0000-0000-0000-000000000000' ? actor.userId : null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'inspection_template',
    entityId: template.id,
    after: { ...template, version },
  });
  return { template, version: version! };
}

/** A new checklist template (managers and admins). */
export async function createTemplate(actor: TActor, input: TCreateInspectionTemplate) {
  assert(canManage(actor), MANAGERS_ONLY);
  return db.transaction(async (tx) => (await insertTemplate(tx, actor, input))!);
}

async function versionOf(tx: TDbOrTx, templateId: string, version: number): Promise<TVersionRow> {
  const [v] = await tx
    .select()
    .from(inspectionTemplateVersions)
    .where(
      and(
        eq(inspectionTemplateVersions.templateId, templateId),
        eq(inspectionTemplateVersions.version, version),
      ),
    );
  if (!v) throw new NotFound(TEMPLATE);
  return v;
}

/**
 * Edits a template: a change of its content writes a new version and makes it current; inspections
 * already started keep the version they started with. `isActive` alone changes no version.
 */
export async function updateTemplate(actor: TActor, id: string, input: TUpdateInspectionTemplate) {
  assert(canManage(actor), MANAGERS_ONLY);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(inspectionTemplates)
      .where(eq(inspectionTemplates.id, id))
      .for('update');
    if (!before) throw new NotFound(TEMPLATE);
    const current = await versionOf(tx, id, before.currentVersion);
    const { isActive, ...content } = input;
    const isContentChanged = Object.keys(content).length > 0;
    let version = current;
    if (isContentChanged) {
      [version] = (await tx
        .insert(inspectionTemplateVersions)
        .values({
          templateId: id,
          version: before.currentVersion + 1,
          name: content.name ?? current.name,
          description: content.description ?? current.description,
          module: content.module !== undefined ? content.module : current.module,
          items: content.items ? withIds(content.items) : current.items,
          createdById: actor.userId,
        })
        .returning()) as [TVersionRow];
    }
    const [after] = await tx
      .update(inspectionTemplates)
      .set({ currentVersion: version.version, isActive: isActive ?? before.isActive, updatedAt: new Date() })
      .where(eq(inspectionTemplates.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'inspection_template',
      entityId: id,
      before: { ...before, version: current },
      after: { ...after, version },
    });
    return { template: after!, version };
  });
}

/** A template at its current version, or at `version` (staff). */
export async function getTemplate(actor: TActor, id: string, version?: number) {
  assert(isStaff(actor));
  const [template] = await db.select().from(inspectionTemplates).where(eq(inspectionTemplates.id, id));
  if (!template) throw new NotFound(TEMPLATE);
  return { template, version: await versionOf(db, id, version ?? template.currentVersion) };
}

/** Every template at its current version, active first, by name (staff). */
export async function listTemplates(actor: TActor) {
  assert(isStaff(actor));
  const rows = await db
    .select({ template: inspectionTemplates, version: inspectionTemplateVersions })
    .from(inspectionTemplates)
    .innerJoin(inspectionTemplateVersions, IS_CURRENT_VERSION)
    .orderBy(desc(inspectionTemplates.isActive), asc(inspectionTemplateVersions.name));
  return rows;
}
