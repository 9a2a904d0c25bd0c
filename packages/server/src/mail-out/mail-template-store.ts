/** What the template use cases share: who may edit, and how an override or a default is shown. */
import type { TLocale, TMailTemplate, TMailTemplateRef } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { mailTemplates } from '../db/schema.js';
import { DEFAULT_TEMPLATES, PLACEHOLDERS } from './default-templates.js';

export type TTemplateRow = typeof mailTemplates.$inferSelect;
export const LOCALES: TLocale[] = ['ko', 'en'];
export const ADMINS_ONLY = {
  en: 'Only an admin edits mail templates',
  ko: '메일 템플릿은 관리자만 편집할 수 있습니다',
};

export function presentMailTemplate(ref: TMailTemplateRef, row: TTemplateRow | undefined): TMailTemplate {
  const template = row ?? DEFAULT_TEMPLATES[ref.kind][ref.locale];
  return {
    kind: ref.kind,
    locale: ref.locale,
    subject: template.subject,
    body: template.body,
    isOverridden: Boolean(row),
    placeholders: [...PLACEHOLDERS[ref.kind]],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function overrideOf(tx: TDbOrTx, ref: TMailTemplateRef): Promise<TTemplateRow | undefined> {
  const [row] = await tx
    .select()
    .from(mailTemplates)
    .where(and(eq(mailTemplates.kind, ref.kind), eq(mailTemplates.locale, ref.locale)));
  return row;
}
