import {
  ZIdParam,
  ZListOutboxQuery,
  ZMailPreview,
  ZMailSettings,
  ZMailTemplate,
  ZMailTemplateRef,
  ZOutboxMail,
  ZPreviewMailTemplate,
  ZPutMailTemplate,
  ZUpdateMailSettings,
  zPage,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { getMailSettings } from './get-mail-settings.js';
import { getMailTemplate } from './get-mail-template.js';
import { listMailTemplates } from './list-mail-templates.js';
import { listOutbox } from './list-outbox.js';
import { setMailEnvironment } from './mail-settings.js';
import { previewMailTemplate } from './preview-mail-template.js';
import { putMailTemplate } from './put-mail-template.js';
import { resetMailTemplate } from './reset-mail-template.js';
import { retryOutboxMail } from './retry-outbox-mail.js';
import { updateMailSettings } from './update-mail-settings.js';

const tags = ['mail'];

/** Outgoing mail: the server settings and the templates (admin only). */
export const mailOutRoutes: TRoutes = async (app) => {
  // The environment's defaults (HAMKKE_SMTP_URL, HAMKKE_MAIL_FROM, HAMKKE_MAIL_DOMAIN) for this process.
  setMailEnvironment({
    smtpUrl: app.config.smtpUrl,
    mailFrom: app.config.mailFrom,
    mailDomain: app.config.mailDomain,
  });

  app.get('/mail/settings', { schema: { tags, response: { 200: ZMailSettings } } }, async (req) =>
    getMailSettings(req.actor!),
  );
  app.put(
    '/mail/settings',
    { schema: { tags, body: ZUpdateMailSettings, response: { 200: ZMailSettings } } },
    async (req) => updateMailSettings(req.actor!, req.body),
  );
  app.get(
    '/mail/templates',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZMailTemplate) }) } } },
    async (req) => ({ items: await listMailTemplates(req.actor!) }),
  );
  app.get(
    '/mail/templates/:kind/:locale',
    { schema: { tags, params: ZMailTemplateRef, response: { 200: ZMailTemplate } } },
    async (req) => getMailTemplate(req.actor!, req.params),
  );
  app.put(
    '/mail/templates/:kind/:locale',
    { schema: { tags, params: ZMailTemplateRef, body: ZPutMailTemplate, response: { 200: ZMailTemplate } } },
    async (req) => putMailTemplate(req.actor!, req.params, req.body),
  );
  app.delete(
    '/mail/templates/:kind/:locale',
    { schema: { tags, params: ZMailTemplateRef, response: { 200: ZMailTemplate } } },
    async (req) => resetMailTemplate(req.actor!, req.params),
  );
  app.post(
    '/mail/templates/:kind/:locale/preview',
    {
      schema: { tags, params: ZMailTemplateRef, body: ZPreviewMailTemplate, response: { 200: ZMailPreview } },
    },
    async (req) => previewMailTemplate(req.actor!, req.params, req.body),
  );
  app.get(
    '/mail/outbox',
    { schema: { tags, querystring: ZListOutboxQuery, response: { 200: zPage(ZOutboxMail) } } },
    async (req) => listOutbox(req.actor!, req.query),
  );
  app.post(
    '/mail/outbox/:id/retry',
    { schema: { tags, params: ZIdParam, response: { 200: ZOutboxMail } } },
    async (req) => retryOutboxMail(req.actor!, req.params.id),
  );
};
