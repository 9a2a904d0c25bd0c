import { INTERNAL_TICKET_FIELDS } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createToken } from '../auth/tokens.js';
import { latestSurveyLink } from '../csat/csat.fixtures.js';
import { db } from '../db/current.js';
import { inspectionSchedules, mailMailboxes, notifications } from '../db/schema.js';
import { makeImprovement } from '../improvements/improvements.fixtures.js';
import {
  makeInspectionFor,
  makeScheduleFor,
  makeTemplate,
  SHORT_BASIS,
} from '../inspections/inspections.fixtures.js';
import { makeArticle } from '../knowledge/knowledge.fixtures.js';
import { openEventStream } from '../live/live.fixtures.js';
import { settingsFor } from '../mail-in/mail-in.fixtures.js';
import { processInbound } from '../mail-in/process-inbound.js';
import { storeInbound } from '../mail-in/store-inbound.js';
import { makeFailedMail, putAs } from '../mail-out/mail-out.fixtures.js';
import { makeMeetingRow } from '../meetings/meetings.fixtures.js';
import { makeOverride, makeRotation } from '../oncall/oncall.fixtures.js';
import {
  makeDeployment,
  makeHandoverItem,
  makePrimaryAgent,
  makeTeam,
  makeTicketRow,
} from '../teams/teams.fixtures.js';
import { client, type TResponse, useApp } from './api.js';
import {
  makeCalendar,
  makeClosure,
  makePublicHoliday,
  makeSlaPolicy,
  PASSWORD,
  type TTestUser,
} from './factories.js';
import { registeredRoutes } from './routes.js';
import {
  actorOf,
  addFiles,
  addHistory,
  CONTRACT_NOTES,
  INTERNAL_NOTE,
  makeScene,
  type TApi,
  type TScene,
  uploadOf,
} from './scene.js';

const app = useApp();

/** A published public article of the scene's organization, written by its agent. */
const sceneArticle = (s: TScene) =>
  makeArticle(app, s.agent, { title: 'ME21N 저장 오류 해결', organizationId: s.org.id });

/** Who calls: nobody signed in, the four staff roles, a customer user of the scene's organization, and one of another. */
const CALLERS = ['none', 'admin', 'manager', 'agent', 'viewer', 'customer', 'other-customer'] as const;
type TCaller = (typeof CALLERS)[number];

/**
 * The specification: every endpoint under /api/v1 (split where the body or the target changes the
 * rule), and the status each caller gets when acting on the scene's organization (see makeScene).
 * `other-customer` belongs to another organization: everything here is, for them, not found.
 */
const SPEC = `
endpoint                                                        none admin manager agent viewer customer other-customer
POST   /auth/login                                              200  200   200     200   200    200      200
POST   /auth/logout                                             204  204   204     204   204    204      204
GET    /me                                                      401  200   200     200   200    200      200
POST   /tokens                                                  401  201   201     201   201    201      201
GET    /tokens                                                  401  200   200     200   200    200      200
DELETE /tokens/:id (own token)                                  401  204   204     204   204    204      204
DELETE /tokens/:id (someone else's token)                       401  404   404     404   404    404      404
GET    /users                                                   401  200   200     200   200    403      403
POST   /users                                                   401  201   403     403   403    403      403
GET    /users/:id (self)                                        401  200   200     200   200    200      200
GET    /users/:id (a staff member)                              401  200   200     200   200    404      404
GET    /users/:id (the customer's colleague)                    401  200   200     200   200    404      404
PATCH  /users/:id (self: name)                                  401  200   200     200   200    200      200
PATCH  /users/:id (self: role)                                  401  200   403     403   403    403      403
PATCH  /users/:id (the customer's colleague: name)              401  200   403     403   403    404      404
GET    /organizations                                           401  200   200     200   200    200      200
POST   /organizations                                           401  201   201     403   403    403      403
GET    /organizations/:id                                       401  200   200     200   200    200      404
PATCH  /organizations/:id (specialNotes)                        401  200   200     200   403    403      404
PATCH  /organizations/:id (name)                                401  200   200     403   403    403      404
GET    /organizations/:id/systems                               401  200   200     200   200    200      404
POST   /organizations/:id/systems                               401  201   201     201   403    403      404
GET    /systems/:id                                             401  200   200     200   200    200      404
PATCH  /systems/:id                                             401  200   200     200   403    403      404
GET    /organizations/:id/contracts                             401  200   200     200   200    200      404
POST   /organizations/:id/contracts                             401  201   201     403   403    403      404
GET    /contracts/:id                                           401  200   200     200   200    200      404
PATCH  /contracts/:id                                           401  200   200     403   403    403      404
GET    /contracts/:id/usage                                     401  200   200     200   200    200      404
GET    /tickets                                                 401  200   200     200   200    200      200
POST   /tickets                                                 401  201   201     201   403    201      404
POST   /tickets (with tags)                                     401  201   201     201   403    403      404
GET    /tickets/:id                                             401  200   200     200   200    200      404
GET    /tickets/:id (by number)                                 401  200   200     200   200    200      404
PATCH  /tickets/:id (title)                                     401  200   200     200   403    403      404
PATCH  /tickets/:id (status: cancelled)                         401  200   200     200   403    200      404
POST   /tickets/bulk                                            401  200   200     200   403    403      403
GET    /tickets/:id/timeline                                    401  200   200     200   200    200      404
POST   /tickets/:id/comments (public)                           401  201   201     201   403    201      404
POST   /tickets/:id/comments (internal)                         401  201   201     201   403    403      404
POST   /tickets/:id/time-entries                                401  201   201     201   403    403      404
POST   /tickets/:id/attachments (public)                        401  201   201     201   403    201      404
POST   /tickets/:id/attachments (internal)                      401  201   201     201   403    403      404
GET    /tickets/:id/attachments/:attachmentId (public)          401  200   200     200   200    200      404
GET    /tickets/:id/attachments/:attachmentId (internal)        401  200   200     200   200    404      404
GET    /audit                                                   401  200   200     403   403    403      403
GET    /calendars                                               401  200   200     200   200    403      403
POST   /calendars                                               401  201   403     403   403    403      403
GET    /calendars/:id                                           401  200   200     200   200    403      403
PATCH  /calendars/:id                                           401  200   403     403   403    403      403
GET    /calendars/:id/holidays                                  401  200   200     200   200    403      403
POST   /calendars/:id/closures                                  401  201   403     403   403    403      403
DELETE /calendars/:id/closures/:date                            401  204   403     403   403    403      403
GET    /calendars/:id/business-time (minutes)                   401  200   200     200   200    403      403
GET    /calendars/:id/business-time (to)                        401  200   200     200   200    403      403
GET    /holidays                                                401  200   200     200   200    403      403
POST   /holidays                                                401  201   403     403   403    403      403
PATCH  /holidays/:id                                            401  200   403     403   403    403      403
GET    /sla-policies                                            401  200   200     200   200    403      403
POST   /sla-policies                                            401  201   201     403   403    403      403
GET    /sla-policies/:id                                        401  200   200     200   200    403      403
PATCH  /sla-policies/:id                                        401  200   200     403   403    403      403
GET    /notifications                                           401  200   200     200   200    200      200
POST   /notifications/:id/read (own)                            401  204   204     204   204    204      204
POST   /notifications/:id/read (someone else's)                 401  404   404     404   404    404      404
POST   /notifications/read-all                                  401  204   204     204   204    204      204
GET    /search                                                  401  200   200     200   200    200      200
GET    /pick/organizations                                      401  200   200     200   200    200      200
GET    /pick/users                                              401  200   200     200   200    403      403
GET    /pick/systems                                            401  200   200     200   200    200      200
GET    /csat/summary                                            401  200   200     200   200    403      403
GET    /csat/:token                                             200  200   200     200   200    200      200
POST   /csat/:token                                             200  200   200     200   200    200      200
POST   /tickets/:id/rating                                      401  403   403     403   403    200      404
GET    /events                                                  401  200   200     200   200    200      200
GET    /queues                                                  401  200   200     200   200    403      403
GET    /articles                                                401  200   200     200   200    200      200
POST   /articles                                                401  201   201     201   403    403      403
GET    /articles/suggest                                        401  200   200     200   200    200      200
GET    /articles/deflections                                    401  200   200     200   200    403      403
GET    /articles/:id                                            401  200   200     200   200    200      404
PATCH  /articles/:id                                            401  200   200     200   403    403      404
GET    /articles/:id/versions                                   401  200   200     200   200    404      404
GET    /articles/:id/versions/:version                          401  200   200     200   200    404      404
GET    /articles/:id/tickets                                    401  200   200     200   200    404      404
POST   /articles/:id/tickets                                    401  201   201     201   403    403      404
DELETE /articles/:id/tickets/:ticketId                          401  204   204     204   403    403      404
POST   /articles/:id/deflections                                401  403   403     403   403    201      404
GET    /articles/:id/deflections                                401  200   200     200   200    404      404
POST   /tickets/:id/article-draft                               401  201   201     201   403    403      404
GET    /tickets/:id/articles                                    401  200   200     200   200    200      404
GET    /tickets/:id/similar                                     401  200   200     200   200    200      404
GET    /problems/candidates                                     401  200   200     200   200    403      403
GET    /mail/settings                                           401  200   403     403   403    403      403
PUT    /mail/settings                                           401  200   403     403   403    403      403
GET    /mail/templates                                          401  200   403     403   403    403      403
GET    /mail/templates/:kind/:locale                            401  200   403     403   403    403      403
PUT    /mail/templates/:kind/:locale                            401  200   403     403   403    403      403
DELETE /mail/templates/:kind/:locale                            401  200   403     403   403    403      403
POST   /mail/templates/:kind/:locale/preview                    401  200   403     403   403    403      403
GET    /mail/outbox                                             401  200   403     403   403    403      403
POST   /mail/outbox/:id/retry                                   401  200   403     403   403    403      403
GET    /me/notification-preferences                             401  200   200     200   200    200      200
PUT    /me/notification-preferences                             401  200   200     200   200    200      200
GET    /mail/inbound                                            401  200   403     403   403    403      403
GET    /mail/triage                                             401  200   403     403   403    403      403
GET    /mail/inbound/:id                                        401  200   403     403   403    403      403
GET    /mail/inbound/:id/raw                                    401  200   403     403   403    403      403
POST   /mail/inbound/:id/retry                                  401  200   403     403   403    403      403
POST   /mail/inbound/:id/open-ticket                            401  200   403     403   403    403      403
POST   /mail/inbound/:id/reject                                 401  200   403     403   403    403      403
GET    /mail/mailboxes                                          401  200   403     403   403    403      403
POST   /mail/mailboxes                                          401  201   403     403   403    403      403
GET    /mail/mailboxes/:id                                      401  200   403     403   403    403      403
PATCH  /mail/mailboxes/:id                                      401  200   403     403   403    403      403
DELETE /mail/mailboxes/:id                                      401  204   403     403   403    403      403
GET    /teams                                                   401  200   200     200   200    403      403
POST   /teams                                                   401  201   201     403   403    403      403
GET    /teams/:id                                               401  200   200     200   200    403      403
PATCH  /teams/:id                                               401  200   200     403   403    403      403
DELETE /teams/:id                                               401  204   204     403   403    403      403
GET    /team/people                                             401  200   200     200   200    403      403
GET    /team/people/:userId                                     401  200   200     200   200    403      403
PUT    /team/people/:userId/skills                              401  200   200     403   403    403      403
PUT    /team/people/:userId/availability (self)                 401  200   200     200   403    403      403
PUT    /team/people/:userId/availability (someone else)         401  200   200     403   403    403      403
GET    /team/primary-agents                                     401  200   200     200   200    403      403
PUT    /team/primary-agents                                     401  200   200     403   403    403      403
DELETE /team/primary-agents/:id                                 401  204   204     403   403    403      403
GET    /team/load                                               401  200   200     200   200    403      403
GET    /team/hours-split                                        401  200   200     200   200    403      403
GET    /team/deployments                                        401  200   200     200   200    403      403
POST   /team/deployments                                        401  201   201     403   403    403      403
PATCH  /team/deployments/:id                                    401  200   200     403   403    403      403
DELETE /team/deployments/:id                                    401  204   204     403   403    403      403
GET    /team/deployments/:id/handover                           401  200   200     200   200    403      403
POST   /team/deployments/:id/handover-items                     401  201   201     403   403    403      403
POST   /team/deployments/:id/handover-items (schedule)          401  201   201     403   403    403      403
GET    /team/handover-items                                     401  200   200     200   200    403      403
POST   /team/handover-items/:id/acknowledge (own)               401  200   200     200   200    403      403
POST   /team/handover-items/:id/acknowledge (someone else's)    401  403   403     403   403    403      403
GET    /improvements                                            401  200   200     200   200    403      403
POST   /improvements                                            401  201   201     201   403    403      403
GET    /improvements/:id                                        401  200   200     200   200    403      403
PATCH  /improvements/:id                                        401  200   200     200   403    403      403
GET    /improvements/:id/metric                                 401  200   200     200   200    403      403
POST   /improvements/:id/baseline                               401  200   200     200   403    403      403
GET    /inspection-templates                                    401  200   200     200   200    403      403
POST   /inspection-templates                                    401  201   201     403   403    403      403
GET    /inspection-templates/:id                                401  200   200     200   200    403      403
PATCH  /inspection-templates/:id                                401  200   200     403   403    403      403
GET    /inspection-templates/:id/versions/:version              401  200   200     200   200    403      403
GET    /inspection-schedules                                    401  200   200     200   200    403      403
POST   /inspection-schedules                                    401  201   201     403   403    403      403
GET    /inspection-schedules/:id                                401  200   200     200   200    403      403
PATCH  /inspection-schedules/:id                                401  200   200     403   403    403      403
GET    /inspection-schedules/:id/occurrences                    401  200   200     200   200    403      403
GET    /inspections                                             401  200   200     200   200    200      200
GET    /tickets/:id/inspection                                  401  200   200     200   200    200      404
POST   /tickets/:id/inspection                                  401  201   201     201   403    403      404
PUT    /tickets/:id/inspection/items/:itemId                    401  200   200     200   403    403      404
POST   /tickets/:id/inspection/items/:itemId/follow-up          401  201   201     201   403    403      404
POST   /tickets/:id/inspection/complete                         401  200   200     200   403    403      404
POST   /me/calendar-feed                                        401  201   201     201   201    403      403
POST   /team-calendar-feeds                                     401  201   201     403   403    403      403
GET    /me/calendar-feeds                                       401  200   200     200   200    200      200
DELETE /me/calendar-feeds/:id (someone else's feed)             401  404   404     404   404    404      404
GET    /oncall/rotations                                        401  200   200     200   200    403      403
POST   /oncall/rotations                                        401  201   201     403   403    403      403
GET    /oncall/rotations/:id                                    401  200   200     200   200    403      403
PATCH  /oncall/rotations/:id                                    401  200   200     403   403    403      403
DELETE /oncall/rotations/:id                                    401  204   204     403   403    403      403
GET    /oncall/rotations/:id/overrides                          401  200   200     200   200    403      403
POST   /oncall/rotations/:id/overrides                          401  201   201     403   403    403      403
DELETE /oncall/overrides/:id                                    401  204   204     403   403    403      403
GET    /oncall/now                                              401  200   200     200   200    403      403
GET    /oncall/schedule                                         401  200   200     200   200    403      403
GET    /meetings/weekly                                         401  200   200     200   200    403      403
GET    /meetings                                                401  200   200     200   200    403      403
POST   /meetings                                                401  201   201     201   403    403      403
GET    /meetings/:id                                            401  200   200     200   200    403      403
PATCH  /meetings/:id                                            401  200   200     200   403    403      403
POST   /meetings/:id/decisions                                  401  201   201     201   403    403      403
GET    /organizations/:id/reports/monthly (draft)               401  200   200     200   200    404      404
GET    /organizations/:id/reports/monthly (signed)              401  200   200     200   200    200      404
GET    /organizations/:id/reports/monthly (signed, pdf)         401  200   200     200   200    200      404
GET    /organizations/:id/reports                               401  200   200     200   200    200      404
PUT    /organizations/:id/reports/monthly/:month/remarks        401  200   200     200   403    403      403
POST   /organizations/:id/reports/monthly/:month/regenerate     401  200   200     200   403    403      403
POST   /organizations/:id/reports/monthly/:month/sign-off       401  200   200     403   403    403      403
POST   /organizations/:id/reports/monthly/:month/mail           401  200   200     403   403    403      403
GET    /reports/monthly                                         401  200   200     200   200    403      403
POST   /reports/monthly/runs                                    401  201   201     201   403    403      403
GET    /reports/monthly/runs/:id                                401  200   200     200   200    403      403
GET    /dashboards/flow                                         401  200   200     200   200    403      403
GET    /dashboards/sla                                          401  200   200     200   200    403      403
GET    /dashboards/times                                        401  200   200     200   200    403      403
GET    /dashboards/reopen                                       401  200   200     200   200    403      403
GET    /dashboards/first-contact                                401  200   200     200   200    403      403
GET    /dashboards/satisfaction                                 401  200   200     200   200    403      403
GET    /dashboards/hours                                        401  200   200     200   200    403      403
GET    /dashboards/load                                         401  200   200     200   200    403      403
GET    /dashboards/recurring                                    401  200   200     200   200    403      403
GET    /dashboards/abc                                          401  200   200     200   200    403      403
GET    /dashboards/improvements                                 401  200   200     200   200    403      403
`;

type TCall = (s: TScene, api: TApi, me: TTestUser | null) => Promise<TResponse>;

const today = () => new Date().toISOString().slice(0, 10);
const tokenOf = async (user: TTestUser) => (await createToken(actorOf(user), { name: 'ERP 연동' })).id;
const notificationOf = async (user: TTestUser) => {
  const [row] = await db.insert(notifications).values({ userId: user.id, kind: 'sla_at_risk' }).returning();
  return row!.id;
};
const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();
/** The scene's ticket resolved by its agent: the survey link its requester (the customer) was sent. */
const surveyOf = async (s: TScene) => {
  await as(s.agent).patch(`/tickets/${s.ticket.id}`, { status: 'resolved' });
  const link = await latestSurveyLink(s.customer.id);
  if (!link) throw new Error('setup failed: no survey');
  return link;
};

/** A message from a stranger, stored and waiting in triage. */
const triagedMessage = async () => {
  const raw = `From: stranger-${unique()}@unknown.example\r\nSubject: 문의\r\nMessage-ID: <${unique()}@x>\r\n\r\n본문\r\n`;
  const id = (await storeInbound({ source: 'smtp', raw: Buffer.from(raw) }))!;
  await processInbound(id, settingsFor(inject('dataDir')));
  return id;
};
/** An inactive IMAP mailbox (never polled). */
const MAILBOX = {
  name: '지원 메일함',
  host: 'imap.example.co.kr',
  username: 'support',
  password: 'pw',
  isActive: false,
};
const mailboxId = async () => {
  const [row] = await db
    .insert(mailMailboxes)
    .values({ ...MAILBOX, port: 993 })
    .returning();
  return row!.id;
};

/** A team that covers no customer or module, so it assigns nothing. */
const coveringNothing = () => makeTeam({ organizationIds: [], memberIds: [] });

/** An on-call rotation of a team covering nobody, with the scene's staff member in it. */
const matrixRotation = async (s: TScene) =>
  makeRotation({ teamId: (await coveringNothing()).id, memberIds: [s.staffMember.id] });
const OVERRIDE = { startsAt: '2026-12-01T18:00:00+09:00', endsAt: '2026-12-02T09:00:00+09:00' };

/** The scene's organization's report of a month, signed off by its manager. */
const signOff = (s: TScene, month: string) =>
  client(app, { cookie: s.manager.cookie }).post(
    `/organizations/${s.org.id}/reports/monthly/${month}/sign-off`,
  );

/** How each row of the specification is called; `me` is the caller (null without a session). */
const CALLS: Record<string, TCall> = {
  'POST /auth/login': (s, api) => api.post('/auth/login', { email: s.colleague.email, password: PASSWORD }),
  'POST /auth/logout': (_s, api) => api.post('/auth/logout'),
  'GET /me': (_s, api) => api.get('/me'),
  'POST /tokens': (_s, api) => api.post('/tokens', { name: '모니터링 연동' }),
  'GET /tokens': (_s, api) => api.get('/tokens'),
  'DELETE /tokens/:id (own token)': async (s, api, me) =>
    api.delete(`/tokens/${await tokenOf(me ?? s.colleague)}`),
  "DELETE /tokens/:id (someone else's token)": async (s, api) =>
    api.delete(`/tokens/${await tokenOf(s.colleague)}`),
  'GET /users': (_s, api) => api.get('/users'),
  'POST /users': (_s, api) =>
    api.post('/users', { email: `new-${unique()}@example.com`, name: '신규 상담원', role: 'agent' }),
  'GET /users/:id (self)': (s, api, me) => api.get(`/users/${(me ?? s.colleague).id}`),
  'GET /users/:id (a staff member)': (s, api) => api.get(`/users/${s.staffMember.id}`),
  "GET /users/:id (the customer's colleague)": (s, api) => api.get(`/users/${s.colleague.id}`),
  'PATCH /users/:id (self: name)': (s, api, me) =>
    api.patch(`/users/${(me ?? s.colleague).id}`, { name: '김하늘' }),
  'PATCH /users/:id (self: role)': (s, api, me) =>
    api.patch(`/users/${(me ?? s.colleague).id}`, { role: 'admin' }),
  "PATCH /users/:id (the customer's colleague: name)": (s, api) =>
    api.patch(`/users/${s.colleague.id}`, { name: '이바다' }),
  'GET /organizations': (_s, api) => api.get('/organizations'),
  'POST /organizations': (_s, api) =>
    api.post('/organizations', { name: `신규 고객사 ${unique()}`, code: `N${unique()}` }),
  'GET /organizations/:id': (s, api) => api.get(`/organizations/${s.org.id}`),
  'PATCH /organizations/:id (specialNotes)': (s, api) =>
    api.patch(`/organizations/${s.org.id}`, { specialNotes: '결산 기간 변경 요청 금지' }),
  'PATCH /organizations/:id (name)': (s, api) =>
    api.patch(`/organizations/${s.org.id}`, { name: `개명 고객사 ${unique()}` }),
  'GET /organizations/:id/systems': (s, api) => api.get(`/organizations/${s.org.id}/systems`),
  'POST /organizations/:id/systems': (s, api) =>
    api.post(`/organizations/${s.org.id}/systems`, {
      sid: 'QAS',
      tier: 'QAS',
      client: '200',
      product: 'ECC',
    }),
  'GET /systems/:id': (s, api) => api.get(`/systems/${s.system.id}`),
  'PATCH /systems/:id': (s, api) => api.patch(`/systems/${s.system.id}`, { release: '2025' }),
  'GET /organizations/:id/contracts': (s, api) => api.get(`/organizations/${s.org.id}/contracts`),
  'POST /organizations/:id/contracts': (s, api) =>
    api.post(`/organizations/${s.org.id}/contracts`, {
      name: '2027 운영 계약',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    }),
  'GET /contracts/:id': (s, api) => api.get(`/contracts/${s.contract.id}`),
  'PATCH /contracts/:id': (s, api) => api.patch(`/contracts/${s.contract.id}`, { monthlyHours: 120 }),
  'GET /contracts/:id/usage': (s, api) => api.get(`/contracts/${s.contract.id}/usage?month=2026-03`),
  'GET /tickets': (_s, api) => api.get('/tickets'),
  'POST /tickets': (s, api) => api.post('/tickets', { organizationId: s.org.id, title: 'FB60 전기 오류' }),
  'POST /tickets (with tags)': (s, api) =>
    api.post('/tickets', { organizationId: s.org.id, title: 'FB60 전기 오류', tags: ['긴급'] }),
  'GET /tickets/:id': (s, api) => api.get(`/tickets/${s.ticket.id}`),
  'GET /tickets/:id (by number)': (s, api) => api.get(`/tickets/${s.ticket.number}`),
  'PATCH /tickets/:id (title)': (s, api) => api.patch(`/tickets/${s.ticket.id}`, { title: '제목 수정' }),
  'PATCH /tickets/:id (status: cancelled)': (s, api) =>
    api.patch(`/tickets/${s.ticket.id}`, { status: 'cancelled' }),
  'POST /tickets/bulk': (s, api) =>
    api.post('/tickets/bulk', { ids: [s.ticket.id], change: { assigneeId: s.staffMember.id } }),
  'GET /tickets/:id/timeline': (s, api) => api.get(`/tickets/${s.ticket.id}/timeline`),
  'POST /tickets/:id/comments (public)': (s, api) =>
    api.post(`/tickets/${s.ticket.id}/comments`, { body: '확인 부탁드립니다.' }),
  'POST /tickets/:id/comments (internal)': (s, api) =>
    api.post(`/tickets/${s.ticket.id}/comments`, { body: '내부 검토 필요', visibility: 'internal' }),
  'POST /tickets/:id/time-entries': (s, api) =>
    api.post(`/tickets/${s.ticket.id}/time-entries`, { minutes: 30, date: today() }),
  'POST /tickets/:id/attachments (public)': (s, api) => {
    const { body, headers } = uploadOf('public');
    return api.post(`/tickets/${s.ticket.id}/attachments`, body, headers);
  },
  'POST /tickets/:id/attachments (internal)': (s, api) => {
    const { body, headers } = uploadOf('internal');
    return api.post(`/tickets/${s.ticket.id}/attachments`, body, headers);
  },
  'GET /tickets/:id/attachments/:attachmentId (public)': async (s, api) =>
    api.get(`/tickets/${s.ticket.id}/attachments/${(await addFiles(app, s)).publicFile.id}`),
  'GET /tickets/:id/attachments/:attachmentId (internal)': async (s, api) =>
    api.get(`/tickets/${s.ticket.id}/attachments/${(await addFiles(app, s)).internalFile.id}`),
  'GET /audit': (_s, api) => api.get('/audit'),
  'GET /calendars': (_s, api) => api.get('/calendars'),
  'POST /calendars': (_s, api) =>
    api.post('/calendars', {
      key: `matrix-${unique().toLowerCase()}`,
      name: '야간 지원 달력',
      weeklyHours: Array(7).fill([{ start: '18:00', end: '22:00' }]),
    }),
  'GET /calendars/:id': (_s, api) => api.get('/calendars/kr-standard'),
  'PATCH /calendars/:id': async (_s, api) =>
    api.patch(`/calendars/${(await makeCalendar()).key}`, { name: '본사 달력' }),
  'GET /calendars/:id/holidays': (_s, api) => api.get('/calendars/kr-standard/holidays?year=2026'),
  'POST /calendars/:id/closures': async (_s, api) =>
    api.post(`/calendars/${(await makeCalendar()).id}/closures`, { date: '2026-11-23', name: '창립기념일' }),
  'DELETE /calendars/:id/closures/:date': async (_s, api) => {
    const calendar = await makeCalendar();
    await makeClosure(calendar.id, '2026-11-23');
    return api.delete(`/calendars/${calendar.id}/closures/2026-11-23`);
  },
  'GET /calendars/:id/business-time (minutes)': (_s, api) =>
    api.get('/calendars/kr-standard/business-time?from=2026-11-20T17:00:00%2B09:00&minutes=240'),
  'GET /calendars/:id/business-time (to)': (_s, api) =>
    api.get('/calendars/kr-standard/business-time?from=2026-11-20T08:00:00Z&to=2026-11-23T03:00:00Z'),
  'GET /holidays': (_s, api) => api.get('/holidays?year=2026'),
  // Far in the future, so that no other test computes business time across the day.
  'POST /holidays': (_s, api) =>
    api.post('/holidays', {
      date: '2099-12-30',
      name: `임시공휴일 ${unique()}`,
      nameEn: 'Temporary holiday',
    }),
  'PATCH /holidays/:id': async (_s, api) =>
    api.patch(`/holidays/${(await makePublicHoliday('2099-12-31')).id}`, { isActive: false }),
  'GET /sla-policies': (_s, api) => api.get('/sla-policies'),
  'POST /sla-policies': (_s, api) =>
    api.post('/sla-policies', {
      name: `프리미엄 SLA ${unique()}`,
      targets: {
        P1: { firstResponse: 15, resolution: 120 },
        P2: { firstResponse: 30, resolution: 240 },
        P3: { firstResponse: 120, resolution: 960 },
        P4: { firstResponse: 240, resolution: 1920 },
      },
    }),
  'GET /sla-policies/:id': async (_s, api) => api.get(`/sla-policies/${(await makeSlaPolicy()).id}`),
  'PATCH /sla-policies/:id': async (_s, api) =>
    api.patch(`/sla-policies/${(await makeSlaPolicy()).id}`, { atRiskRatio: 0.75 }),
  'GET /notifications': (_s, api) => api.get('/notifications'),
  'POST /notifications/:id/read (own)': async (s, api, me) =>
    api.post(`/notifications/${await notificationOf(me ?? s.colleague)}/read`),
  "POST /notifications/:id/read (someone else's)": async (s, api) =>
    api.post(`/notifications/${await notificationOf(s.staffMember)}/read`),
  'POST /notifications/read-all': (_s, api) => api.post('/notifications/read-all'),
  'GET /search': (_s, api) => api.get(`/search?q=${encodeURIComponent('ME21N 저장 오류')}`),
  'GET /pick/organizations': (_s, api) => api.get(`/pick/organizations?q=${encodeURIComponent('ㅌㅅㅌ')}`),
  'GET /pick/users': (_s, api) => api.get(`/pick/users?q=${encodeURIComponent('ㄱ')}`),
  'GET /pick/systems': (_s, api) => api.get('/pick/systems?q=PRD'),
  'GET /csat/summary': (_s, api) => api.get('/csat/summary?groupBy=organization'),
  'GET /csat/:token': async (s, api) => api.get(`/csat/${(await surveyOf(s)).token}`),
  'POST /csat/:token': async (s, api) => api.post(`/csat/${(await surveyOf(s)).token}`, { rating: 4 }),
  'POST /tickets/:id/rating': async (s, api) => {
    await surveyOf(s);
    return api.post(`/tickets/${s.ticket.id}/rating`, { rating: 5, comment: '신속한 처리 감사합니다' });
  },
  // A stream never ends, which an injected request would wait for: this one goes over real HTTP.
  'GET /events': async (_s, _api, me) => {
    const stream = await openEventStream(app(), me?.cookie);
    stream.close();
    const data = stream.body ? JSON.parse(stream.body) : undefined;
    const headers = { 'content-type': stream.headers.get('content-type') ?? '' };
    return { statusCode: stream.status, body: stream.body, headers, data } as unknown as TResponse;
  },
  'GET /queues': (_s, api) => api.get('/queues'),
  'GET /articles': (_s, api) => api.get('/articles'),
  'POST /articles': (_s, api) => api.post('/articles', { title: 'SU01 계정 잠김 해제 방법' }),
  'GET /articles/deflections': (_s, api) => api.get('/articles/deflections?month=2026-11'),
  'GET /articles/suggest': (_s, api) =>
    api.get(`/articles/suggest?q=${encodeURIComponent('ME21N 저장 오류')}`),
  'GET /articles/:id': async (s, api) => api.get(`/articles/${(await sceneArticle(s)).id}`),
  'PATCH /articles/:id': async (s, api) =>
    api.patch(`/articles/${(await sceneArticle(s)).id}`, {
      version: 1,
      title: 'ME21N 저장 오류 해결 (개정)',
    }),
  'GET /articles/:id/versions': async (s, api) => api.get(`/articles/${(await sceneArticle(s)).id}/versions`),
  'GET /articles/:id/versions/:version': async (s, api) =>
    api.get(`/articles/${(await sceneArticle(s)).id}/versions/1`),
  'GET /articles/:id/tickets': async (s, api) => api.get(`/articles/${(await sceneArticle(s)).id}/tickets`),
  'POST /articles/:id/tickets': async (s, api) =>
    api.post(`/articles/${(await sceneArticle(s)).id}/tickets`, { ticketId: s.ticket.id }),
  'DELETE /articles/:id/tickets/:ticketId': async (s, api) => {
    const article = await sceneArticle(s);
    await client(app, { cookie: s.agent.cookie }).post(`/articles/${article.id}/tickets`, {
      ticketId: s.ticket.id,
    });
    return api.delete(`/articles/${article.id}/tickets/${s.ticket.id}`);
  },
  'POST /articles/:id/deflections': async (s, api) =>
    api.post(`/articles/${(await sceneArticle(s)).id}/deflections`, { query: 'ME21N 저장 오류' }),
  'GET /articles/:id/deflections': async (s, api) =>
    api.get(`/articles/${(await sceneArticle(s)).id}/deflections`),
  'POST /tickets/:id/article-draft': async (s, api) => {
    await client(app, { cookie: s.agent.cookie }).patch(`/tickets/${s.ticket.id}`, { status: 'resolved' });
    return api.post(`/tickets/${s.ticket.id}/article-draft`, {});
  },
  'GET /tickets/:id/articles': (s, api) => api.get(`/tickets/${s.ticket.id}/articles`),
  'GET /tickets/:id/similar': (s, api) => api.get(`/tickets/${s.ticket.id}/similar`),
  'GET /problems/candidates': (_s, api) => api.get('/problems/candidates'),
  'GET /mail/inbound': (_s, api) => api.get('/mail/inbound'),
  'GET /mail/triage': (_s, api) => api.get('/mail/triage'),
  'GET /mail/inbound/:id': async (_s, api) => api.get(`/mail/inbound/${await triagedMessage()}`),
  'GET /mail/inbound/:id/raw': async (_s, api) => api.get(`/mail/inbound/${await triagedMessage()}/raw`),
  'POST /mail/inbound/:id/retry': async (_s, api) =>
    api.post(`/mail/inbound/${await triagedMessage()}/retry`),
  'POST /mail/inbound/:id/open-ticket': async (s, api) =>
    api.post(`/mail/inbound/${await triagedMessage()}/open-ticket`, { organizationId: s.org.id }),
  'POST /mail/inbound/:id/reject': async (_s, api) =>
    api.post(`/mail/inbound/${await triagedMessage()}/reject`, { reason: '스팸' }),
  'GET /mail/mailboxes': (_s, api) => api.get('/mail/mailboxes'),
  'POST /mail/mailboxes': (_s, api) => api.post('/mail/mailboxes', MAILBOX),
  'GET /mail/mailboxes/:id': async (_s, api) => api.get(`/mail/mailboxes/${await mailboxId()}`),
  'PATCH /mail/mailboxes/:id': async (_s, api) =>
    api.patch(`/mail/mailboxes/${await mailboxId()}`, { pollSeconds: 300 }),
  'DELETE /mail/mailboxes/:id': async (_s, api) => api.delete(`/mail/mailboxes/${await mailboxId()}`),
  'GET /mail/settings': (_s, api) => api.get('/mail/settings'),
  // The sender every mail test uses, so this write never changes what another test sees.
  'PUT /mail/settings': (_s, _api, me) =>
    putAs(app, me, '/mail/settings', { from: 'helpdesk@hamkke.example' }),
  'GET /mail/templates': (_s, api) => api.get('/mail/templates'),
  'GET /mail/templates/:kind/:locale': (_s, api) => api.get('/mail/templates/mention/ko'),
  // contract_hours/en is no other test's template.
  'PUT /mail/templates/:kind/:locale': (_s, _api, me) =>
    putAs(app, me, '/mail/templates/contract_hours/en', {
      subject: 'Contract hours: {{thresholdPercent}}% of {{contractName}}',
      body: 'Hello {{recipientName}},\n\n{{usedHours}} h of {{entitledHours}} h used in {{month}}.',
    }),
  'DELETE /mail/templates/:kind/:locale': (_s, api) => api.delete('/mail/templates/contract_hours/en'),
  'POST /mail/templates/:kind/:locale/preview': (_s, api) =>
    api.post('/mail/templates/ticket_received/ko/preview', { subject: '접수: {{ticketTitle}}' }),
  'GET /mail/outbox': (_s, api) => api.get('/mail/outbox?status=failed,in_doubt'),
  'POST /mail/outbox/:id/retry': async (_s, api) =>
    api.post(`/mail/outbox/${(await makeFailedMail()).id}/retry`),
  'GET /me/notification-preferences': (_s, api) => api.get('/me/notification-preferences'),
  'PUT /me/notification-preferences': (_s, _api, me) =>
    putAs(app, me, '/me/notification-preferences', { items: [{ kind: 'public_reply', email: true }] }),
  'GET /teams': (_s, api) => api.get('/teams'),
  'POST /teams': (_s, api) => api.post('/teams', { name: `매트릭스팀 ${unique()}` }),
  'GET /teams/:id': async (_s, api) => api.get(`/teams/${(await coveringNothing()).id}`),
  'PATCH /teams/:id': async (_s, api) =>
    api.patch(`/teams/${(await coveringNothing()).id}`, { isAutoAssign: false }),
  'DELETE /teams/:id': async (_s, api) => api.delete(`/teams/${(await coveringNothing()).id}`),
  'GET /team/people': (_s, api) => api.get('/team/people'),
  'GET /team/people/:userId': (s, api) => api.get(`/team/people/${s.staffMember.id}`),
  'PUT /team/people/:userId/skills': (s, api) =>
    api.put(`/team/people/${s.staffMember.id}/skills`, {
      modules: [{ module: 'MM', level: 2 }],
      customers: [],
    }),
  'PUT /team/people/:userId/availability (self)': (s, api, me) =>
    api.put(`/team/people/${(me ?? s.staffMember).id}/availability`, { status: 'active' }),
  'PUT /team/people/:userId/availability (someone else)': (s, api) =>
    api.put(`/team/people/${s.staffMember.id}/availability`, { status: 'away', awayUntil: '2099-01-01' }),
  'GET /team/primary-agents': (s, api) => api.get(`/team/primary-agents?organizationId=${s.org.id}`),
  'PUT /team/primary-agents': (s, api) =>
    api.put('/team/primary-agents', { organizationId: s.org.id, module: 'PP', userId: s.staffMember.id }),
  'DELETE /team/primary-agents/:id': async (s, api) =>
    api.delete(`/team/primary-agents/${(await makePrimaryAgent(s.org.id, s.staffMember.id, 'QM')).id}`),
  'GET /team/load': (_s, api) => api.get('/team/load'),
  'GET /team/hours-split': (_s, api) => api.get('/team/hours-split?from=2026-11-02&to=2026-11-22'),
  'GET /team/deployments': (_s, api) => api.get('/team/deployments?from=2027-01-01&to=2027-12-31'),
  'POST /team/deployments': (s, api) =>
    api.post('/team/deployments', {
      userId: s.staffMember.id,
      project: 'BW/4HANA 구축',
      startsOn: '2099-01-05',
      endsOn: '2099-02-27',
      sharePercent: 40,
    }),
  'PATCH /team/deployments/:id': async (s, api) =>
    api.patch(
      `/team/deployments/${(await makeDeployment(s.staffMember.id, '2099-03-02', '2099-03-31', 20)).id}`,
      {
        sharePercent: 30,
      },
    ),
  'DELETE /team/deployments/:id': async (s, api) =>
    api.delete(
      `/team/deployments/${(await makeDeployment(s.staffMember.id, '2099-04-01', '2099-04-30', 20)).id}`,
    ),
  'GET /team/deployments/:id/handover': async (s, api) =>
    api.get(
      `/team/deployments/${(await makeDeployment(s.staffMember.id, '2099-05-01', '2099-05-29', 100)).id}/handover`,
    ),
  'POST /team/deployments/:id/handover-items': async (s, api) => {
    const deployment = await makeDeployment(s.staffMember.id, '2099-07-01', '2099-07-31', 50);
    const ticket = await makeTicketRow(s.org, { assigneeId: s.staffMember.id });
    return api.post(`/team/deployments/${deployment.id}/handover-items`, {
      ticketId: ticket.id,
      toUserId: s.agent.id,
      note: '진행 상황: 원인 파악 완료',
    });
  },
  'GET /team/handover-items': (s, api) =>
    api.get(`/team/handover-items?toUserId=${s.agent.id}&isPending=true`),
  'POST /team/handover-items/:id/acknowledge (own)': async (s, api, me) =>
    api.post(
      `/team/handover-items/${(await makeHandoverItem(s.org, s.staffMember.id, (me ?? s.agent).id)).id}/acknowledge`,
    ),
  "POST /team/handover-items/:id/acknowledge (someone else's)": async (s, api) =>
    api.post(
      `/team/handover-items/${(await makeHandoverItem(s.org, s.agent.id, s.staffMember.id)).id}/acknowledge`,
    ),
  'GET /improvements': (_s, api) => api.get('/improvements?status=idea'),
  'POST /improvements': (_s, api) =>
    api.post('/improvements', { title: '월말 마감 체크리스트', kind: 'B', origin: 'meeting_decision' }),
  'GET /improvements/:id': async (s, api) => api.get(`/improvements/${(await makeImprovement(s.org.id)).id}`),
  'PATCH /improvements/:id': async (s, api) =>
    api.patch(`/improvements/${(await makeImprovement(s.org.id)).id}`, { status: 'planned' }),
  'GET /improvements/:id/metric': async (s, api) =>
    api.get(`/improvements/${(await makeImprovement(s.org.id)).id}/metric`),
  'POST /improvements/:id/baseline': async (s, api) =>
    api.post(`/improvements/${(await makeImprovement(s.org.id)).id}/baseline`),
  'GET /inspection-templates': (_s, api) => api.get('/inspection-templates'),
  'POST /inspection-templates': (_s, api) => api.post('/inspection-templates', SHORT_BASIS),
  'GET /inspection-templates/:id': async (_s, api) =>
    api.get(`/inspection-templates/${(await makeTemplate()).template.id}`),
  'PATCH /inspection-templates/:id': async (_s, api) =>
    api.patch(`/inspection-templates/${(await makeTemplate()).template.id}`, { name: 'Basis 점검 v2' }),
  'GET /inspection-templates/:id/versions/:version': async (_s, api) =>
    api.get(`/inspection-templates/${(await makeTemplate()).template.id}/versions/1`),
  'GET /inspection-schedules': (s, api) => api.get(`/inspection-schedules?organizationId=${s.org.id}`),
  'POST /inspection-schedules': async (s, api) =>
    api.post('/inspection-schedules', {
      contractId: s.contract.id,
      templateId: (await makeTemplate()).template.id,
      name: '월간 점검',
      recurrence: { kind: 'monthly', day: 1 },
    }),
  'GET /inspection-schedules/:id': async (s, api) =>
    api.get(`/inspection-schedules/${(await makeScheduleFor(s)).id}`),
  'PATCH /inspection-schedules/:id': async (s, api) =>
    api.patch(`/inspection-schedules/${(await makeScheduleFor(s)).id}`, { status: 'paused' }),
  'GET /inspection-schedules/:id/occurrences': async (s, api) =>
    api.get(`/inspection-schedules/${(await makeScheduleFor(s)).id}/occurrences`),
  'GET /inspections': (s, api) => api.get(`/inspections?organizationId=${s.org.id}`),
  'GET /tickets/:id/inspection': async (s, api) =>
    api.get(`/tickets/${await makeInspectionFor(app, s)}/inspection`),
  'POST /tickets/:id/inspection': async (s, api) => {
    const ticket = await client(app, { cookie: s.agent.cookie }).post('/tickets', {
      organizationId: s.org.id,
      type: 'inspection',
      title: '수시 점검',
    });
    return api.post(`/tickets/${ticket.data.id}/inspection`, {
      templateId: (await makeTemplate()).template.id,
    });
  },
  'PUT /tickets/:id/inspection/items/:itemId': async (s, api) =>
    api.put(`/tickets/${await makeInspectionFor(app, s)}/inspection/items/sm37`, { result: 'ok' }),
  'POST /tickets/:id/inspection/items/:itemId/follow-up': async (s, api) =>
    api.post(`/tickets/${await makeInspectionFor(app, s, 'failed')}/inspection/items/db02/follow-up`),
  'POST /tickets/:id/inspection/complete': async (s, api) =>
    api.post(`/tickets/${await makeInspectionFor(app, s, 'all')}/inspection/complete`),
  'POST /me/calendar-feed': (_s, api) => api.post('/me/calendar-feed'),
  'POST /team-calendar-feeds': (_s, api) => api.post('/team-calendar-feeds', { team: 'Basis' }),
  'GET /me/calendar-feeds': (_s, api) => api.get('/me/calendar-feeds'),
  "DELETE /me/calendar-feeds/:id (someone else's feed)": async (s, api) => {
    const feed = await client(app, { cookie: s.staffMember.cookie }).post('/me/calendar-feed');
    return api.delete(`/me/calendar-feeds/${feed.data.id}`);
  },
  'GET /oncall/rotations': (_s, api) => api.get('/oncall/rotations'),
  'POST /oncall/rotations': async (s, api) =>
    api.post('/oncall/rotations', {
      name: '매트릭스 당직',
      teamId: (await coveringNothing()).id,
      memberIds: [s.staffMember.id],
      startsOn: '2026-11-02',
    }),
  'GET /oncall/rotations/:id': async (s, api) => api.get(`/oncall/rotations/${(await matrixRotation(s)).id}`),
  'PATCH /oncall/rotations/:id': async (s, api) =>
    api.patch(`/oncall/rotations/${(await matrixRotation(s)).id}`, { handoverTime: '18:00' }),
  'DELETE /oncall/rotations/:id': async (s, api) =>
    api.delete(`/oncall/rotations/${(await matrixRotation(s)).id}`),
  'GET /oncall/rotations/:id/overrides': async (s, api) =>
    api.get(`/oncall/rotations/${(await matrixRotation(s)).id}/overrides`),
  'POST /oncall/rotations/:id/overrides': async (s, api) =>
    api.post(`/oncall/rotations/${(await matrixRotation(s)).id}/overrides`, {
      userId: s.staffMember.id,
      ...OVERRIDE,
    }),
  'DELETE /oncall/overrides/:id': async (s, api) => {
    const o = await makeOverride(
      (await matrixRotation(s)).id,
      s.staffMember.id,
      OVERRIDE.startsAt,
      OVERRIDE.endsAt,
    );
    return api.delete(`/oncall/overrides/${o.id}`);
  },
  'GET /oncall/now': (_s, api) => api.get('/oncall/now'),
  'GET /oncall/schedule': (_s, api) =>
    api.get('/oncall/schedule?from=2026-11-01T00:00:00%2B09:00&to=2026-12-01T00:00:00%2B09:00'),
  'GET /meetings/weekly': (_s, api) => api.get('/meetings/weekly?week=2026-W10'),
  'GET /meetings': (_s, api) => api.get('/meetings?week=2031-W07'),
  'POST /meetings': (_s, api) =>
    api.post('/meetings', { week: '2031-W07', heldAt: '2031-02-14T09:00:00+09:00', notes: '회의록' }),
  'GET /meetings/:id': async (_s, api) => api.get(`/meetings/${(await makeMeetingRow()).id}`),
  'PATCH /meetings/:id': async (_s, api) =>
    api.patch(`/meetings/${(await makeMeetingRow()).id}`, { notes: '회의록 (수정)' }),
  'POST /meetings/:id/decisions': async (_s, api) =>
    api.post(`/meetings/${(await makeMeetingRow()).id}/decisions`, {
      text: '월말 마감 체크리스트 자동화',
      becomes: 'improvement',
    }),
  'POST /team/deployments/:id/handover-items (schedule)': async (s, api) => {
    const deployment = await makeDeployment(s.staffMember.id, '2099-08-01', '2099-08-31', 50);
    const schedule = await makeScheduleFor(s);
    await db
      .update(inspectionSchedules)
      .set({ assigneeId: s.staffMember.id })
      .where(eq(inspectionSchedules.id, schedule.id));
    return api.post(`/team/deployments/${deployment.id}/handover-items`, {
      scheduleId: schedule.id,
      toUserId: s.agent.id,
      note: '매월 점검 인계',
    });
  },
  'GET /organizations/:id/reports/monthly (draft)': (s, api) =>
    api.get(`/organizations/${s.org.id}/reports/monthly?month=2026-03`),
  'GET /organizations/:id/reports/monthly (signed)': async (s, api) => {
    await signOff(s, '2026-03');
    return api.get(`/organizations/${s.org.id}/reports/monthly?month=2026-03`);
  },
  'GET /organizations/:id/reports/monthly (signed, pdf)': async (s, api) => {
    await signOff(s, '2026-03');
    return api.get(`/organizations/${s.org.id}/reports/monthly?month=2026-03&format=pdf`);
  },
  'GET /organizations/:id/reports': (s, api) => api.get(`/organizations/${s.org.id}/reports`),
  'PUT /organizations/:id/reports/monthly/:month/remarks': (s, api) =>
    api.put(`/organizations/${s.org.id}/reports/monthly/2026-03/remarks`, { remarks: '3월 총평' }),
  'POST /organizations/:id/reports/monthly/:month/regenerate': (s, api) =>
    api.post(`/organizations/${s.org.id}/reports/monthly/2026-03/regenerate`),
  'POST /organizations/:id/reports/monthly/:month/sign-off': (s, api) =>
    api.post(`/organizations/${s.org.id}/reports/monthly/2026-03/sign-off`),
  'POST /organizations/:id/reports/monthly/:month/mail': async (s, api) => {
    await signOff(s, '2026-03');
    return api.post(`/organizations/${s.org.id}/reports/monthly/2026-03/mail`, {});
  },
  'GET /reports/monthly': (_s, api) => api.get('/reports/monthly?month=2026-03'),
  'POST /reports/monthly/runs': (s, api) =>
    api.post('/reports/monthly/runs', { month: '2026-03', organizationIds: [s.org.id] }),
  'GET /reports/monthly/runs/:id': async (s, api) => {
    const run = await client(app, { cookie: s.agent.cookie }).post('/reports/monthly/runs', {
      month: '2026-03',
      organizationIds: [s.org.id],
    });
    return api.get(`/reports/monthly/runs/${(run.data as { id: string }).id}`);
  },
  'GET /dashboards/flow': (s, api) => api.get(`/dashboards/flow?organizationId=${s.org.id}`),
  'GET /dashboards/sla': (s, api) => api.get(`/dashboards/sla?organizationId=${s.org.id}`),
  'GET /dashboards/times': (s, api) => api.get(`/dashboards/times?organizationId=${s.org.id}`),
  'GET /dashboards/reopen': (s, api) => api.get(`/dashboards/reopen?organizationId=${s.org.id}`),
  'GET /dashboards/first-contact': (s, api) =>
    api.get(`/dashboards/first-contact?organizationId=${s.org.id}`),
  'GET /dashboards/satisfaction': (s, api) => api.get(`/dashboards/satisfaction?organizationId=${s.org.id}`),
  'GET /dashboards/hours': (s, api) => api.get(`/dashboards/hours?organizationId=${s.org.id}`),
  'GET /dashboards/load': (s, api) => api.get(`/dashboards/load?organizationId=${s.org.id}`),
  'GET /dashboards/recurring': (s, api) => api.get(`/dashboards/recurring?organizationId=${s.org.id}`),
  'GET /dashboards/abc': (s, api) => api.get(`/dashboards/abc?organizationId=${s.org.id}`),
  'GET /dashboards/improvements': (s, api) => api.get(`/dashboards/improvements?organizationId=${s.org.id}`),
};

type TRow = { label: string; route: string; expected: Record<TCaller, number> };

/** Reads the specification table: method, path and variant, then one status per caller column. */
function parseSpec(spec: string): TRow[] {
  const [header = '', ...lines] = spec.trim().split('\n');
  const columns = header.trim().split(/\s+/).slice(1);
  if (columns.join() !== CALLERS.join()) throw new Error(`SPEC columns ${columns} are not ${CALLERS}`);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    const words = cells.slice(0, -CALLERS.length);
    const statuses = cells.slice(-CALLERS.length).map(Number);
    return {
      label: words.join(' '),
      route: words.slice(0, 2).join(' '),
      expected: Object.fromEntries(CALLERS.map((c, i) => [c, statuses[i]])) as Record<TCaller, number>,
    };
  });
}

const ROWS = parseSpec(SPEC);

const WHO: Record<TCaller, string> = {
  none: 'no session',
  admin: 'an admin',
  manager: 'a manager',
  agent: 'an agent',
  viewer: 'a viewer',
  customer: 'a customer user of the organization',
  'other-customer': 'a customer user of another organization',
};

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

function callerOf(s: TScene, caller: TCaller): TTestUser | null {
  if (caller === 'none') return null;
  return caller === 'other-customer' ? s.otherCustomer : s[caller];
}

const as = (user: TTestUser | null) => client(app, user ? { cookie: user.cookie } : {});

describe('the role matrix', () => {
  it('names every endpoint the app registers under /api/v1, and no other', () => {
    const specified = [...new Set(ROWS.map((r) => r.route))].sort();
    expect(specified).toEqual(registeredRoutes(app()));
  });

  it('has exactly one way to call each row of the specification', () => {
    expect(Object.keys(CALLS).sort()).toEqual(ROWS.map((r) => r.label).sort());
  });

  for (const row of ROWS) {
    describe(row.label, () => {
      for (const caller of CALLERS) {
        const status = row.expected[caller];
        it(`answers ${WHO[caller]} with ${status} ${STATUS_TEXT[status] ?? ''}`, async () => {
          const s = await makeScene(app);
          const me = callerOf(s, caller);
          const res = await CALLS[row.label]!(s, as(me), me);
          expect(res.statusCode, res.body).toBe(status);
          if (status >= 400) {
            expect(res.headers['content-type']).toContain('application/problem+json');
            expect(res.data.status).toBe(status);
          }
        });
      }
    });
  }
});

const expectNoInternalTicketFields = (ticket: object) => {
  for (const field of INTERNAL_TICKET_FIELDS) expect(ticket).not.toHaveProperty(field);
};

describe('what each caller reads', () => {
  it('shows every staff role the special notes, contract notes, internal ticket fields and internal timeline', async () => {
    const s = await makeScene(app);
    const files = await addFiles(app, s);
    await addHistory(app, s);
    for (const user of [s.admin, s.manager, s.agent, s.viewer]) {
      const api = as(user);
      const org = await api.get(`/organizations/${s.org.id}`);
      expect(org.data.specialNotes, user.role).toBe(s.org.specialNotes);
      expect((await api.get(`/contracts/${s.notedContract.id}`)).data.notes).toBe(CONTRACT_NOTES);
      const ticket = (await api.get(`/tickets/${s.ticket.id}`)).data;
      expect(ticket).toMatchObject({ tags: ['월말마감', 'VIP'], team: 'Finance', isPriorityManual: true });
      expect(ticket.plannedStart).not.toBeNull();
      const timeline = await api.get(`/tickets/${s.ticket.id}/timeline`);
      expect(timeline.body).toContain(INTERNAL_NOTE);
      const kinds = timeline.data.items.map((i: { kind: string }) => i.kind);
      expect(kinds).toContain('time_entry');
      expect(timeline.body).toContain(files.internalFile.id);
    }
  });

  it('gives the customer their organization, contracts and tickets without any internal data', async () => {
    const s = await makeScene(app);
    const api = as(s.customer);
    const org = await api.get(`/organizations/${s.org.id}`);
    expect(org.statusCode).toBe(200);
    expect(org.data).not.toHaveProperty('specialNotes');
    expect(org.body).not.toContain(s.org.specialNotes);
    for (const o of (await api.get('/organizations')).data.items)
      expect(o).not.toHaveProperty('specialNotes');

    expect((await api.get(`/contracts/${s.notedContract.id}`)).data.notes).toBe('');
    const contracts = await api.get(`/organizations/${s.org.id}/contracts`);
    expect(contracts.data.items.map((c: { notes: string }) => c.notes)).toEqual(['', '']);
    expect(contracts.body).not.toContain(CONTRACT_NOTES);

    const page = await api.get(`/tickets/${s.ticket.id}`);
    expectNoInternalTicketFields(page.data);
    expect(page.body).not.toContain('Logistics');
    const list = await api.get('/tickets');
    expect(list.data.items.map((t: { id: string }) => t.id)).toEqual([s.ticket.id]);
    list.data.items.forEach(expectNoInternalTicketFields);
    const opened = await api.post('/tickets', { title: 'VA01 가격 결정 오류', module: 'SD' });
    expectNoInternalTicketFields(opened.data);
    const cancelled = await api.patch(`/tickets/${s.ticket.id}`, { status: 'cancelled' });
    expectNoInternalTicketFields(cancelled.data);
  });

  it('shows the customer a timeline of public events only', async () => {
    const s = await makeScene(app);
    const files = await addFiles(app, s);
    await addHistory(app, s);
    const timeline = await as(s.customer).get(`/tickets/${s.ticket.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    type TItem = { kind: string; visibility: string; changes?: { field: string }[] };
    const items: TItem[] = timeline.data.items;
    expect(items.every((i) => i.visibility === 'public')).toBe(true);
    expect(items.map((i) => i.kind)).not.toContain('time_entry');
    const fields = items.flatMap((i) => i.changes ?? []).map((c) => c.field);
    expect(fields).toContain('title');
    for (const field of INTERNAL_TICKET_FIELDS) expect(fields).not.toContain(field);
    expect(timeline.body).not.toContain(INTERNAL_NOTE);
    expect(timeline.body).not.toContain(files.internalFile.id);
    expect(timeline.body).not.toContain('원인 분석');
    expect(timeline.body).toContain(files.publicFile.id);
    expect(timeline.body).toContain('재현 화면 첨부했습니다.');
  });

  it('gives a customer of another organization nothing of this one, in lists or in answers', async () => {
    const s = await makeScene(app);
    const api = as(s.otherCustomer);
    const orgs = (await api.get('/organizations')).data.items.map((o: { id: string }) => o.id);
    expect(orgs).toEqual([s.otherOrg.id]);
    expect((await api.get('/tickets')).data.items).toEqual([]);
    expect((await api.get(`/tickets?organizationId=${s.org.id}`)).data.items).toEqual([]);
    for (const url of [
      `/organizations/${s.org.id}`,
      `/tickets/${s.ticket.id}`,
      `/contracts/${s.contract.id}`,
    ]) {
      const res = await api.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(s.org.name);
      expect(res.body).not.toContain(s.ticket.title);
    }
  });

  it('answers a request without a session with a bare 401 problem', async () => {
    const s = await makeScene(app);
    const res = await as(null).get(`/organizations/${s.org.id}`);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Object.keys(res.data).sort()).toEqual(['detail', 'status', 'title', 'type']);
    expect(res.body).not.toContain(s.org.specialNotes);
  });

  it("holds a customer's API token to the same scope as their session", async () => {
    const s = await makeScene(app);
    const created = await as(s.customer).post('/tokens', { name: '그룹웨어 연동' });
    const api = client(app, { token: created.data.token });
    const org = await api.get(`/organizations/${s.org.id}`);
    expect(org.statusCode).toBe(200);
    expect(org.data).not.toHaveProperty('specialNotes');
    expectNoInternalTicketFields((await api.get(`/tickets/${s.ticket.id}`)).data);
    expect((await api.get(`/organizations/${s.otherOrg.id}`)).statusCode).toBe(404);
    expect((await api.get('/users')).statusCode).toBe(403);
    expect((await api.get('/audit')).statusCode).toBe(403);
  });
});
