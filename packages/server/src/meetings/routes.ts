import {
  ZCreateMeeting,
  ZCreateMeetingDecision,
  ZIdParam,
  ZMeeting,
  ZMeetingDecision,
  ZMeetingQuery,
  ZUpdateMeeting,
  ZWeeklyPack,
  ZWeeklyPackQuery,
} from '@hamkke/core';
import { z } from 'zod';
import { localeOf } from '../http/problem.js';
import type { TRoutes } from '../http/types.js';
import { buildWeeklyPack } from './build-weekly-pack.js';
import { createMeeting, getMeeting, listMeetings } from './meetings.js';
import { recordDecision } from './record-decision.js';
import { renderWeeklyPackPdf } from './render-meeting-pdf.js';
import { updateMeeting } from './update-meeting.js';

const tags = ['meetings'];

export const meetingRoutes: TRoutes = async (app) => {
  app.get(
    '/meetings/weekly',
    {
      schema: {
        tags,
        description:
          'The weekly sharing meeting pack (주간 공유회의) of an ISO week in Asia/Seoul; `format=pdf` for the printable document.',
        querystring: ZWeeklyPackQuery,
        produces: ['application/json', 'application/pdf'],
        response: { 200: ZWeeklyPack },
      },
    },
    async (req, reply) => {
      const pack = await buildWeeklyPack(req.actor!, req.query.week);
      if (req.query.format !== 'pdf') return pack;
      const pdf = await renderWeeklyPackPdf(pack, req.query.lang ?? localeOf(req));
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="weekly-${pack.week}.pdf"`)
          // A Buffer is sent as is (Fastify serializes only objects); the 200 schema documents the JSON.
          .send(pdf as never)
      );
    },
  );
  app.get(
    '/meetings',
    {
      schema: { tags, querystring: ZMeetingQuery, response: { 200: z.object({ items: z.array(ZMeeting) }) } },
    },
    async (req) => ({ items: await listMeetings(req.actor!, req.query) }),
  );
  app.post(
    '/meetings',
    { schema: { tags, body: ZCreateMeeting, response: { 201: ZMeeting } } },
    async (req, reply) => reply.code(201).send(await createMeeting(req.actor!, req.body)),
  );
  app.get('/meetings/:id', { schema: { tags, params: ZIdParam, response: { 200: ZMeeting } } }, async (req) =>
    getMeeting(req.actor!, req.params.id),
  );
  app.patch(
    '/meetings/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateMeeting, response: { 200: ZMeeting } } },
    async (req) => updateMeeting(req.actor!, req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/decisions',
    {
      schema: {
        tags,
        description:
          'Records a decision of the meeting; in one transaction it becomes an improvement item or a ticket.',
        params: ZIdParam,
        body: ZCreateMeetingDecision,
        response: { 201: ZMeetingDecision },
      },
    },
    async (req, reply) => reply.code(201).send(await recordDecision(req.actor!, req.params.id, req.body)),
  );
};
