import {
  ZBusinessTimeQuery,
  ZBusinessTimeResult,
  ZCalendarDaysOff,
  ZCalendarRef,
  ZCalendarView,
  ZClosure,
  ZClosureRef,
  ZCreateCalendar,
  ZCreateClosure,
  ZCreatePublicHoliday,
  ZIdParam,
  ZPublicHoliday,
  ZPublicHolidayQuery,
  ZUpdateCalendar,
  ZUpdatePublicHoliday,
  ZYearQuery,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { addClosure } from './add-closure.js';
import { calculateBusinessTime } from './calculate-business-time.js';
import { createCalendar } from './create-calendar.js';
import { createPublicHoliday } from './create-public-holiday.js';
import { getCalendar } from './get-calendar.js';
import { listCalendarDaysOff } from './list-calendar-days-off.js';
import { listCalendars } from './list-calendars.js';
import { listPublicHolidays } from './list-public-holidays.js';
import { presentCalendar, presentClosure, presentPublicHoliday } from './present.js';
import { removeClosure } from './remove-closure.js';
import { updateCalendar } from './update-calendar.js';
import { updatePublicHoliday } from './update-public-holiday.js';

const tags = ['calendars'];

/** Calendars, their holidays and closures, and the business-time calculator. `:id` is an id or a key. */
export const calendarRoutes: TRoutes = async (app) => {
  app.get(
    '/calendars',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZCalendarView) }) } } },
    async (req) => ({ items: (await listCalendars(req.actor!)).map(presentCalendar) }),
  );
  app.post(
    '/calendars',
    { schema: { tags, body: ZCreateCalendar, response: { 201: ZCalendarView } } },
    async (req, reply) => reply.code(201).send(presentCalendar(await createCalendar(req.actor!, req.body))),
  );
  app.get(
    '/calendars/:id',
    { schema: { tags, params: ZCalendarRef, response: { 200: ZCalendarView } } },
    async (req) => presentCalendar(await getCalendar(req.actor!, req.params.id)),
  );
  app.patch(
    '/calendars/:id',
    { schema: { tags, params: ZCalendarRef, body: ZUpdateCalendar, response: { 200: ZCalendarView } } },
    async (req) => presentCalendar(await updateCalendar(req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/calendars/:id/holidays',
    { schema: { tags, params: ZCalendarRef, querystring: ZYearQuery, response: { 200: ZCalendarDaysOff } } },
    async (req) => ({ items: await listCalendarDaysOff(req.actor!, req.params.id, req.query.year) }),
  );
  app.post(
    '/calendars/:id/closures',
    { schema: { tags, params: ZCalendarRef, body: ZCreateClosure, response: { 201: ZClosure } } },
    async (req, reply) =>
      reply.code(201).send(presentClosure(await addClosure(req.actor!, req.params.id, req.body))),
  );
  app.delete(
    '/calendars/:id/closures/:date',
    { schema: { tags, params: ZClosureRef } },
    async (req, reply) => {
      await removeClosure(req.actor!, req.params.id, req.params.date);
      return reply.code(204).send();
    },
  );
  app.get(
    '/calendars/:id/business-time',
    {
      schema: {
        tags,
        params: ZCalendarRef,
        querystring: ZBusinessTimeQuery,
        response: { 200: ZBusinessTimeResult },
      },
    },
    async (req) => calculateBusinessTime(req.actor!, req.params.id, req.query),
  );

  app.get(
    '/holidays',
    {
      schema: {
        tags,
        querystring: ZPublicHolidayQuery,
        response: { 200: z.object({ items: z.array(ZPublicHoliday) }) },
      },
    },
    async (req) => ({
      items: (await listPublicHolidays(req.actor!, req.query.year)).map(presentPublicHoliday),
    }),
  );
  app.post(
    '/holidays',
    { schema: { tags, body: ZCreatePublicHoliday, response: { 201: ZPublicHoliday } } },
    async (req, reply) =>
      reply.code(201).send(presentPublicHoliday(await createPublicHoliday(req.actor!, req.body))),
  );
  app.patch(
    '/holidays/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdatePublicHoliday, response: { 200: ZPublicHoliday } } },
    async (req) => presentPublicHoliday(await updatePublicHoliday(req.actor!, req.params.id, req.body)),
  );
};
