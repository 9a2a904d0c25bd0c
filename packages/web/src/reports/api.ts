import type {
  TCreateMeeting,
  TCreateMeetingDecision,
  TDashboardAbc,
  TDashboardFigure,
  TDashboardFlow,
  TDashboardHours,
  TDashboardImprovements,
  TDashboardLoad,
  TDashboardRate,
  TDashboardRecurring,
  TDashboardSatisfaction,
  TDashboardSla,
  TDashboardTimes,
  TMailReportResult,
  TMeeting,
  TMeetingDecision,
  TMonthlyReport,
  TMonthlyReportList,
  TReportRun,
  TUpdateMeeting,
  TWeeklyPack,
} from '@hamkke/core';
import { request } from '../api.js';

/** What each dashboard figure answers (contract/dashboards.ts). */
export type TFigureAnswer = {
  flow: TDashboardFlow;
  sla: TDashboardSla;
  times: TDashboardTimes;
  reopen: TDashboardRate;
  'first-contact': TDashboardRate;
  satisfaction: TDashboardSatisfaction;
  hours: TDashboardHours;
  load: TDashboardLoad;
  recurring: TDashboardRecurring;
  abc: TDashboardAbc;
  improvements: TDashboardImprovements;
};

/** The dashboards' filters, as `GET /dashboards/<figure>` reads them (and the page's address keeps them). */
export type TDashboardFilter = {
  organizationId?: string | undefined;
  module?: string | undefined;
  teamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  granularity?: 'week' | 'month' | undefined;
};

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();

const enc = encodeURIComponent;

/** The address of a figure's data: JSON for the page, `csv` for the download. */
export const figureUrl = (figure: TDashboardFigure, filter: TDashboardFilter, format?: 'csv') =>
  `/api/v1/dashboards/${figure}?${query({ ...filter, format })}`;

/** The workspace list of the tickets behind a figure's number (the link the server gives). */
export const ticketsHref = (link: string | null | undefined): string | null =>
  link ? `/tickets?${link}` : null;

/** The calls of the dashboards, the monthly reports and the weekly meeting pages. */
export const reportsApi = {
  figure: <F extends TDashboardFigure>(figure: F, filter: TDashboardFilter) =>
    request<TFigureAnswer[F]>('GET', `/dashboards/${figure}?${query({ ...filter })}`),

  /** An organization's stored reports, newest first (customer users: the signed ones). */
  organizationReports: (organizationId: string) =>
    request<TMonthlyReportList>('GET', `/organizations/${enc(organizationId)}/reports`),
  monthlyList: (month: string) => request<TMonthlyReportList>('GET', `/reports/monthly?${query({ month })}`),
  monthly: (organizationId: string, month: string) =>
    request<TMonthlyReport>(
      'GET',
      `/organizations/${enc(organizationId)}/reports/monthly?${query({ month })}`,
    ),
  saveRemarks: (organizationId: string, month: string, remarks: string) =>
    request<TMonthlyReport>(
      'PUT',
      `/organizations/${enc(organizationId)}/reports/monthly/${enc(month)}/remarks`,
      { remarks },
    ),
  signOff: (organizationId: string, month: string) =>
    request<TMonthlyReport>(
      'POST',
      `/organizations/${enc(organizationId)}/reports/monthly/${enc(month)}/sign-off`,
      {},
    ),
  mail: (organizationId: string, month: string) =>
    request<TMailReportResult>(
      'POST',
      `/organizations/${enc(organizationId)}/reports/monthly/${enc(month)}/mail`,
      {},
    ),
  startRun: (month: string) => request<TReportRun>('POST', '/reports/monthly/runs', { month }),
  run: (id: string) => request<TReportRun>('GET', `/reports/monthly/runs/${enc(id)}`),

  weeklyPack: (week: string) => request<TWeeklyPack>('GET', `/meetings/weekly?${query({ week })}`),
  createMeeting: (input: TCreateMeeting) => request<TMeeting>('POST', '/meetings', input),
  updateMeeting: (id: string, input: TUpdateMeeting) =>
    request<TMeeting>('PATCH', `/meetings/${enc(id)}`, input),
  addDecision: (meetingId: string, input: TCreateMeetingDecision) =>
    request<TMeetingDecision>('POST', `/meetings/${enc(meetingId)}/decisions`, input),
};

/** A monthly report's file: `pdf` or `xlsx`, in the page's language. */
export const reportFileUrl = (organizationId: string, month: string, format: 'pdf' | 'xlsx', lang: string) =>
  `/api/v1/organizations/${enc(organizationId)}/reports/monthly?${query({ month, format, lang })}`;

/** The weekly pack as a PDF. */
export const weeklyPdfUrl = (week: string, lang: string) =>
  `/api/v1/meetings/weekly?${query({ week, format: 'pdf', lang })}`;
