import type { TMailPreview, TMailTemplateRef, TPreviewMailTemplate } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { publicUrl } from '../http/public-url.js';
import { sampleValues } from './default-templates.js';
import { ADMINS_ONLY, overrideOf, presentMailTemplate } from './mail-template-store.js';
import { ratingLinksFor } from './queue-mail.js';
import { renderMail } from './render-mail.js';

/** Renders a draft (or the template in force) with sample data, as the mail would go out. */
export async function previewMailTemplate(
  actor: TActor,
  ref: TMailTemplateRef,
  draft: TPreviewMailTemplate,
): Promise<TMailPreview> {
  assert(isAdmin(actor), ADMINS_ONLY);
  const current = presentMailTemplate(ref, await overrideOf(db, ref));
  const template = { subject: draft.subject ?? current.subject, body: draft.body ?? current.body };
  const values = sampleValues(ref.locale, publicUrl(''));
  const ratingLinks = ref.kind === 'ticket_resolved' ? ratingLinksFor(values.surveyUrl!, ref.locale) : [];
  return renderMail(
    ref.kind,
    ref.locale,
    template,
    { values, ratingLinks },
    publicUrl('/settings/notifications'),
  );
}
