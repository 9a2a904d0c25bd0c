import { createReadStream } from 'node:fs';
import {
  ZAttachment,
  ZBulkUpdateResult,
  ZBulkUpdateTickets,
  ZComment,
  ZCreateComment,
  ZCreateTicket,
  ZCreateTimeEntry,
  ZListTicketsQuery,
  ZTicket,
  ZTicketRef,
  ZTimeEntry,
  ZTimeline,
  ZUpdateTicket,
  ZUuid,
  zPage,
} from '@hamkke/core';
import { z } from 'zod';
import { loadCalendars } from '../calendars/load-calendars.js';
import { AppError } from '../http/errors.js';
import { localeOf } from '../http/problem.js';
import type { TRoutes } from '../http/types.js';
import { addAttachment, attachmentPath, uploadOfMultipart } from './add-attachment.js';
import { addComment } from './add-comment.js';
import { addTimeEntry } from './add-time-entry.js';
import { bulkUpdateTickets } from './bulk-update.js';
import { createTicket } from './create-ticket.js';
import { getAttachment } from './get-attachment.js';
import { getTicketView } from './get-ticket.js';
import { getTimeline } from './get-timeline.js';
import { listTickets } from './list-tickets.js';
import { presentTicket } from './present.js';
import { presentAttachment, presentComment, presentTimeEntry } from './present-timeline.js';
import { updateTicket } from './update-ticket.js';

const tags = ['tickets'];
const ZTicketParams = z.object({ id: ZTicketRef.shape.idOrNumber });
const selfName = (actor: { userId: string; name: string }) => new Map([[actor.userId, actor.name]]);

const NO_FILE = new AppError(
  400,
  'no_file',
  { en: 'Send one file in the field "file"', ko: '"file" 필드에 파일 하나를 보내세요' },
  [{ path: 'file', message: 'Required', in: 'body' }],
);

export const ticketRoutes: TRoutes = async (app) => {
  app.post(
    '/tickets',
    { schema: { tags, body: ZCreateTicket, response: { 201: ZTicket } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(presentTicket(await createTicket(req.actor!, req.body), req.actor!, await loadCalendars())),
  );

  app.post(
    '/tickets/bulk',
    { schema: { tags, body: ZBulkUpdateTickets, response: { 200: ZBulkUpdateResult } } },
    async (req) => bulkUpdateTickets(req.actor!, req.body, localeOf(req), req.log),
  );

  app.get(
    '/tickets',
    { schema: { tags, querystring: ZListTicketsQuery, response: { 200: zPage(ZTicket) } } },
    async (req) => {
      const [page, calendars] = await Promise.all([listTickets(req.actor!, req.query), loadCalendars()]);
      return {
        items: page.items.map((t) => presentTicket(t, req.actor!, calendars)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/tickets/:id',
    { schema: { tags, params: ZTicketParams, response: { 200: ZTicket } } },
    async (req) =>
      presentTicket(await getTicketView(req.actor!, req.params.id), req.actor!, await loadCalendars()),
  );

  app.patch(
    '/tickets/:id',
    { schema: { tags, params: ZTicketParams, body: ZUpdateTicket, response: { 200: ZTicket } } },
    async (req) =>
      presentTicket(
        await updateTicket(req.actor!, req.params.id, req.body),
        req.actor!,
        await loadCalendars(),
      ),
  );

  app.get(
    '/tickets/:id/timeline',
    { schema: { tags, params: ZTicketParams, response: { 200: ZTimeline } } },
    async (req) => ({
      items: await getTimeline(req.actor!, req.params.id),
    }),
  );

  app.post(
    '/tickets/:id/comments',
    { schema: { tags, params: ZTicketParams, body: ZCreateComment, response: { 201: ZComment } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(presentComment(await addComment(req.actor!, req.params.id, req.body), selfName(req.actor!))),
  );

  app.post(
    '/tickets/:id/time-entries',
    { schema: { tags, params: ZTicketParams, body: ZCreateTimeEntry, response: { 201: ZTimeEntry } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          presentTimeEntry(await addTimeEntry(req.actor!, req.params.id, req.body), selfName(req.actor!)),
        ),
  );

  app.post(
    '/tickets/:id/attachments',
    {
      schema: {
        tags,
        params: ZTicketParams,
        consumes: ['multipart/form-data'],
        description:
          'Multipart upload: one file in the field `file`; an optional field `visibility` (public | internal) before it.',
        response: { 201: ZAttachment },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw NO_FILE;
      const file = await req.file();
      if (file?.fieldname !== 'file') throw NO_FILE;
      const row = await addAttachment(req.actor!, req.params.id, uploadOfMultipart(file), {
        dataDir: app.config.dataDir,
        maxBytes: app.config.maxUploadBytes,
      });
      return reply.code(201).send(presentAttachment(row, selfName(req.actor!)));
    },
  );

  app.get(
    '/tickets/:id/attachments/:attachmentId',
    { schema: { tags, params: ZTicketParams.extend({ attachmentId: ZUuid }) } },
    async (req, reply) => {
      const row = await getAttachment(req.actor!, req.params.id, req.params.attachmentId);
      return reply
        .type(row.contentType)
        .header('content-length', row.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
        .send(createReadStream(attachmentPath(app.config.dataDir, row.storageKey)));
    },
  );
};
