import type {
  TAnswerInspectionItem,
  TAttachment,
  TCreateInspectionSchedule,
  TCreateInspectionTemplate,
  TInspection,
  TInspectionOccurrence,
  TInspectionSchedule,
  TInspectionTemplate,
  TTicket,
  TUpdateInspectionSchedule,
  TUpdateInspectionTemplate,
} from '@hamkke/core';
import { request } from '../api.js';

export type TInspectionRow = {
  ticketId: string;
  ticketNumber: string;
  title: string;
  status: string;
  organizationId: string;
  plannedStart: string | null;
  completedAt: string | null;
  template: { id: string; name: string; version: number };
  summary: { total: number; ok: number; warning: number; failed: number; unanswered: number };
  findings: {
    itemId: string;
    title: string;
    result: 'warning' | 'failed';
    followUp: { id: string; number: string; status: string } | null;
  }[];
};

const ticketPath = (ref: string) => `/tickets/${encodeURIComponent(ref)}`;

/** The inspection pages' calls (docs/inspections.md). */
export const inspectionApi = {
  list: (query: { organizationId?: string; state?: string }) => {
    const params = new URLSearchParams();
    if (query.organizationId) params.set('organizationId', query.organizationId);
    if (query.state) params.set('state', query.state);
    return request<{ items: TInspectionRow[] }>('GET', `/inspections?${params}`);
  },
  templates: () => request<{ items: TInspectionTemplate[] }>('GET', '/inspection-templates'),
  template: (id: string, version?: number) =>
    request<TInspectionTemplate>(
      'GET',
      version ? `/inspection-templates/${id}/versions/${version}` : `/inspection-templates/${id}`,
    ),
  createTemplate: (input: TCreateInspectionTemplate) =>
    request<TInspectionTemplate>('POST', '/inspection-templates', input),
  updateTemplate: (id: string, change: TUpdateInspectionTemplate) =>
    request<TInspectionTemplate>('PATCH', `/inspection-templates/${id}`, change),
  schedules: (contractId: string) =>
    request<{ items: TInspectionSchedule[] }>('GET', `/inspection-schedules?contractId=${contractId}`),
  createSchedule: (input: TCreateInspectionSchedule) =>
    request<TInspectionSchedule>('POST', '/inspection-schedules', input),
  updateSchedule: (id: string, change: TUpdateInspectionSchedule) =>
    request<TInspectionSchedule>('PATCH', `/inspection-schedules/${id}`, change),
  occurrences: (id: string) =>
    request<{ created: TInspectionOccurrence[]; upcoming: TInspectionOccurrence[] }>(
      'GET',
      `/inspection-schedules/${id}/occurrences?count=6`,
    ),
  inspection: (ref: string) => request<TInspection>('GET', `${ticketPath(ref)}/inspection`),
  start: (ref: string, templateId: string) =>
    request<TInspection>('POST', `${ticketPath(ref)}/inspection`, { templateId }),
  answer: (ref: string, itemId: string, answer: TAnswerInspectionItem) =>
    request<TInspection>('PUT', `${ticketPath(ref)}/inspection/items/${encodeURIComponent(itemId)}`, answer),
  followUp: (ref: string, itemId: string) =>
    request<TTicket>(
      'POST',
      `${ticketPath(ref)}/inspection/items/${encodeURIComponent(itemId)}/follow-up`,
      {},
    ),
  complete: (ref: string) => request<TInspection>('POST', `${ticketPath(ref)}/inspection/complete`),
  upload: (ref: string, file: File) => {
    const form = new FormData();
    form.append('visibility', 'internal');
    form.append('file', file);
    return request<TAttachment>('POST', `${ticketPath(ref)}/attachments`, form);
  },
};

/** Who edits templates and schedules: managers and admins. */
export const canPlan = (role: string) => role === 'manager' || role === 'admin';

/** A customer's contracts, for the schedule picker. */
export const contractsOf = (organizationId: string) =>
  request<{ items: { id: string; name: string; startsOn: string; endsOn: string }[] }>(
    'GET',
    `/organizations/${organizationId}/contracts`,
  );
