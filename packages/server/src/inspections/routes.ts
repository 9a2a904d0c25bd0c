import {
  ZAnswerInspectionItem,
  ZCalendarFeed,
  ZCalendarFeedList,
  ZCreateFollowUp,
  ZCreateInspectionSchedule,
  ZCreateInspectionTemplate,
  ZCreateTeamFeed,
  ZIdParam,
  ZInspection,
  ZInspectionList,
  ZInspectionOccurrences,
  ZInspectionSchedule,
  ZInspectionTemplate,
  ZListInspectionsQuery,
  ZListSchedulesQuery,
  ZOccurrencesQuery,
  ZStartInspection,
  ZTemplateVersionParams,
  ZTicket,
  ZTicketRef,
  ZUpdateInspectionSchedule,
  ZUpdateInspectionTemplate,
  zPage,
} from '@hamkke/core';
import { z } from 'zod';
import { loadCalendars } from '../calendars/load-calendars.js';
import type { TRoutes } from '../http/types.js';
import { getTicketView } from '../tickets/get-ticket.js';
import { presentTicket } from '../tickets/present.js';
import { deleteFeed, issueFeed, listFeeds } from './calendar-feeds.js';
import { getInspection } from './get-inspection.js';
import { listInspections } from './list-inspections.js';
import {
  createSchedule,
  getSchedule,
  listSchedules,
  scheduleOccurrences,
  updateSchedule,
} from './schedules.js';
import { createTemplate, getTemplate, listTemplates, presentTemplate, updateTemplate } from './templates.js';
import { answerItem, completeInspection, createFollowUp, startInspection } from './work-inspection.js';

const tags = ['inspections'];
const ZTicketParams = z.object({ id: ZTicketRef.shape.idOrNumber });
const ZItemParams = ZTicketParams.extend({ itemId: z.string().min(1).max(40) });

/** Periodic inspections: templates, schedules, running a checklist, and calendar feeds. */
export const inspectionRoutes: TRoutes = async (app) => {
  // ── templates ──
  app.get(
    '/inspection-templates',
    {
      schema: {
        tags,
        response: { 200: zPage(ZInspectionTemplate) },
        description: 'Staff: every checklist template at its current version.',
      },
    },
    async (req) => ({
      items: (await listTemplates(req.actor!)).map((r) => presentTemplate(r.template, r.version)),
      nextCursor: null,
    }),
  );
  app.post(
    '/inspection-templates',
    {
      schema: {
        tags,
        body: ZCreateInspectionTemplate,
        response: { 201: ZInspectionTemplate },
        description: 'Managers and admins: a new template (version 1).',
      },
    },
    async (req, reply) => {
      const r = await createTemplate(req.actor!, req.body);
      return reply.code(201).send(presentTemplate(r.template, r.version));
    },
  );
  app.get(
    '/inspection-templates/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZInspectionTemplate } } },
    async (req) => {
      const r = await getTemplate(req.actor!, req.params.id);
      return presentTemplate(r.template, r.version);
    },
  );
  app.patch(
    '/inspection-templates/:id',
    {
      schema: {
        tags,
        params: ZIdParam,
        body: ZUpdateInspectionTemplate,
        response: { 200: ZInspectionTemplate },
        description:
          'Managers and admins: a change of content writes a new version; started inspections keep theirs.',
      },
    },
    async (req) => {
      const r = await updateTemplate(req.actor!, req.params.id, req.body);
      return presentTemplate(r.template, r.version);
    },
  );
  app.get(
    '/inspection-templates/:id/versions/:version',
    { schema: { tags, params: ZTemplateVersionParams, response: { 200: ZInspectionTemplate } } },
    async (req) => {
      const r = await getTemplate(req.actor!, req.params.id, req.params.version);
      return presentTemplate(r.template, r.version);
    },
  );

  // ── schedules ──
  app.get(
    '/inspection-schedules',
    { schema: { tags, querystring: ZListSchedulesQuery, response: { 200: zPage(ZInspectionSchedule) } } },
    async (req) => ({ items: await listSchedules(req.actor!, req.query), nextCursor: null }),
  );
  app.post(
    '/inspection-schedules',
    {
      schema: {
        tags,
        body: ZCreateInspectionSchedule,
        response: { 201: ZInspectionSchedule },
        description:
          'Managers and admins: monthly, quarterly or RRULE; due dates on a day off of the contract calendar move by `shift` (default: next business day); the ticket is created `leadBusinessDays` before.',
      },
    },
    async (req, reply) => reply.code(201).send(await createSchedule(req.actor!, req.body)),
  );
  app.get(
    '/inspection-schedules/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZInspectionSchedule } } },
    async (req) => getSchedule(req.actor!, req.params.id),
  );
  app.patch(
    '/inspection-schedules/:id',
    {
      schema: {
        tags,
        params: ZIdParam,
        body: ZUpdateInspectionSchedule,
        response: { 200: ZInspectionSchedule },
        description:
          'Managers and admins: edit, pause (`status: paused`), resume (`active`) or end (`ended`).',
      },
    },
    async (req) => updateSchedule(req.actor!, req.params.id, req.body),
  );
  app.get(
    '/inspection-schedules/:id/occurrences',
    {
      schema: {
        tags,
        params: ZIdParam,
        querystring: ZOccurrencesQuery,
        response: { 200: ZInspectionOccurrences },
      },
    },
    async (req) => scheduleOccurrences(req.actor!, req.params.id, req.query.count),
  );

  // ── running an inspection ──
  app.get(
    '/inspections',
    {
      schema: {
        tags,
        querystring: ZListInspectionsQuery,
        response: { 200: ZInspectionList },
        description:
          'Inspections with result counts and findings (warning/failed items and their follow-ups), by organization, system, period (YYYY-MM-DD, Seoul) and state; newest first, at most 500. Customers: their organization only.',
      },
    },
    async (req) => listInspections(req.actor!, req.query),
  );
  app.get(
    '/tickets/:id/inspection',
    { schema: { tags, params: ZTicketParams, response: { 200: ZInspection } } },
    async (req) => getInspection(req.actor!, req.params.id),
  );
  app.post(
    '/tickets/:id/inspection',
    {
      schema: {
        tags,
        params: ZTicketParams,
        body: ZStartInspection,
        response: { 201: ZInspection },
        description:
          'Attaches a checklist (the template’s current version) to an inspection ticket opened by hand.',
      },
    },
    async (req, reply) =>
      reply.code(201).send(await startInspection(req.actor!, req.params.id, req.body.templateId)),
  );
  app.put(
    '/tickets/:id/inspection/items/:itemId',
    { schema: { tags, params: ZItemParams, body: ZAnswerInspectionItem, response: { 200: ZInspection } } },
    async (req) => answerItem(req.actor!, req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/tickets/:id/inspection/items/:itemId/follow-up',
    {
      schema: {
        tags,
        params: ZItemParams,
        body: ZCreateFollowUp,
        response: { 201: ZTicket },
        description:
          'For a failed item: an incident (or request) for the same organization and system, linked both ways.',
      },
    },
    async (req, reply) => {
      const ticket = await createFollowUp(req.actor!, req.params.id, req.params.itemId, req.body);
      const full = await getTicketView(req.actor!, ticket.id);
      return reply.code(201).send(presentTicket(full, req.actor!, await loadCalendars()));
    },
  );
  app.post(
    '/tickets/:id/inspection/complete',
    {
      schema: {
        tags,
        params: ZTicketParams,
        response: { 200: ZInspection },
        description: 'Completes the inspection and resolves its ticket; 422 naming the unanswered items.',
      },
    },
    async (req) => completeInspection(req.actor!, req.params.id),
  );

  // ── calendar feeds ──
  app.post(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        response: { 201: ZCalendarFeed },
        description:
          'Staff: creates or rotates the personal iCalendar feed; the address (with its secret) is shown only now.',
      },
    },
    async (req, reply) => reply.code(201).send(await issueFeed(req.actor!, null)),
  );
  app.post(
    '/team-calendar-feeds',
    {
      schema: {
        tags,
        body: ZCreateTeamFeed,
        response: { 201: ZCalendarFeed },
        description: 'Managers and admins: creates or rotates a team’s feed.',
      },
    },
    async (req, reply) => reply.code(201).send(await issueFeed(req.actor!, req.body.team)),
  );
  app.get(
    '/me/calendar-feeds',
    {
      schema: {
        tags,
        response: { 200: ZCalendarFeedList },
        description: 'The feeds one owns (without their secret addresses).',
      },
    },
    async (req) => listFeeds(req.actor!),
  );
  app.delete('/me/calendar-feeds/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await deleteFeed(req.actor!, req.params.id);
    return reply.code(204).send();
  });
};
