import {
  ZCreateMailbox,
  ZIdParam,
  ZInboundMessage,
  ZInboundMessageDetail,
  ZListInboundQuery,
  ZMailbox,
  ZOpenTriaged,
  ZRejectTriaged,
  ZUpdateMailbox,
  zPage,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { createMailbox } from './create-mailbox.js';
import { deleteMailbox } from './delete-mailbox.js';
import { getInboundMessage, getInboundRaw } from './get-inbound-message.js';
import { getMailbox, listMailboxes } from './get-mailbox.js';
import { listInboundMessages } from './list-inbound-messages.js';
import { openTriagedMessage } from './open-triaged-message.js';
import { presentInbound, presentInboundDetail, presentMailbox } from './present.js';
import { rejectTriagedMessage } from './reject-triaged-message.js';
import { retryInboundMessage } from './retry-inbound-message.js';
import { mailInSettingsOf } from './settings.js';
import { updateMailbox } from './update-mailbox.js';

const tags = ['mail'];

/** Inbound mail for admins: the stored messages (list, detail, raw, retry), triage and the IMAP mailboxes. */
export const mailInRoutes: TRoutes = async (app) => {
  const settings = () => mailInSettingsOf(app.config);

  app.get(
    '/mail/inbound',
    { schema: { tags, querystring: ZListInboundQuery, response: { 200: zPage(ZInboundMessage) } } },
    async (req) => {
      const page = await listInboundMessages(req.actor!, req.query);
      return { items: page.items.map(presentInbound), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/mail/triage',
    {
      schema: {
        tags,
        querystring: ZListInboundQuery.omit({ status: true }),
        response: { 200: zPage(ZInboundMessage) },
      },
    },
    async (req) => {
      const page = await listInboundMessages(req.actor!, { ...req.query, status: ['triage'] });
      return { items: page.items.map(presentInbound), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/mail/inbound/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZInboundMessageDetail } } },
    async (req) => presentInboundDetail(await getInboundMessage(req.actor!, req.params.id)),
  );
  app.get(
    '/mail/inbound/:id/raw',
    { schema: { tags, params: ZIdParam, produces: ['message/rfc822'] } },
    async (req, reply) => {
      const raw = await getInboundRaw(req.actor!, req.params.id);
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="${req.params.id}.eml"`)
        .send(raw);
    },
  );
  app.post(
    '/mail/inbound/:id/retry',
    { schema: { tags, params: ZIdParam, response: { 200: ZInboundMessageDetail } } },
    async (req) => presentInboundDetail(await retryInboundMessage(req.actor!, req.params.id, settings())),
  );
  app.post(
    '/mail/inbound/:id/open-ticket',
    { schema: { tags, params: ZIdParam, body: ZOpenTriaged, response: { 200: ZInboundMessageDetail } } },
    async (req) =>
      presentInboundDetail(await openTriagedMessage(req.actor!, req.params.id, req.body, settings())),
  );
  app.post(
    '/mail/inbound/:id/reject',
    { schema: { tags, params: ZIdParam, body: ZRejectTriaged, response: { 200: ZInboundMessageDetail } } },
    async (req) => presentInboundDetail(await rejectTriagedMessage(req.actor!, req.params.id, req.body)),
  );

  app.get(
    '/mail/mailboxes',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZMailbox) }) } } },
    async (req) => ({ items: (await listMailboxes(req.actor!)).map(presentMailbox) }),
  );
  app.post(
    '/mail/mailboxes',
    { schema: { tags, body: ZCreateMailbox, response: { 201: ZMailbox } } },
    async (req, reply) => reply.code(201).send(presentMailbox(await createMailbox(req.actor!, req.body))),
  );
  app.get(
    '/mail/mailboxes/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZMailbox } } },
    async (req) => presentMailbox(await getMailbox(req.actor!, req.params.id)),
  );
  app.patch(
    '/mail/mailboxes/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateMailbox, response: { 200: ZMailbox } } },
    async (req) => presentMailbox(await updateMailbox(req.actor!, req.params.id, req.body)),
  );
  app.delete('/mail/mailboxes/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await deleteMailbox(req.actor!, req.params.id);
    return reply.code(204).send();
  });
};
