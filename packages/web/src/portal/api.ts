import type {
  TArticle,
  TAttachment,
  TComment,
  TCreateTicket,
  TCsatAnswer,
  TCsatSurvey,
  TSapModule,
  TSystem,
  TTicket,
  TTicketStatus,
} from '@hamkke/core';
import { request, type TPage } from '../api.js';

/** A public article offered while a customer writes (GET /articles/suggest). */
export type TArticleSuggestion = {
  id: string;
  code: string;
  title: string;
  snippet: string;
  modules: TSapModule[];
  score: number;
};

/** What a customer may put on a new ticket; the team sets the rest (priority comes from impact × urgency). */
export type TPortalTicketInput = Pick<
  TCreateTicket,
  'type' | 'title' | 'description' | 'impact' | 'urgency' | 'systemId' | 'module'
>;

const ticketPath = (ref: string) => `/tickets/${encodeURIComponent(ref)}`;
const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}`;

/** The calls the portal makes; the server scopes every one of them to the customer's organization. */
export const portalApi = {
  tickets: (statuses: readonly TTicketStatus[], limit: number, cursor: string | null) => {
    const params = new URLSearchParams({ limit: String(limit), sort: '-updatedAt' });
    if (statuses.length > 0) params.set('status', statuses.join(','));
    if (cursor) params.set('cursor', cursor);
    return request<TPage<TTicket>>('GET', `/tickets?${params}`);
  },
  systems: async (organizationId: string) =>
    (await request<{ items: TSystem[] }>('GET', `/organizations/${organizationId}/systems`)).items.filter(
      (s) => s.isActive,
    ),
  createTicket: (input: TPortalTicketInput) => request<TTicket>('POST', '/tickets', input),
  addComment: (ref: string, body: string) =>
    request<TComment>('POST', `${ticketPath(ref)}/comments`, { body, visibility: 'public' }),
  addAttachment: (ref: string, file: File) => {
    const form = new FormData();
    form.append('visibility', 'public');
    form.append('file', file);
    return request<TAttachment>('POST', `${ticketPath(ref)}/attachments`, form);
  },
  setStatus: (ref: string, status: TTicketStatus, version: number) =>
    request<TTicket>('PATCH', ticketPath(ref), { status, version }),
  rate: (ref: string, answer: TCsatAnswer) =>
    request<TCsatSurvey>('POST', `${ticketPath(ref)}/rating`, answer),
  suggest: (q: string) =>
    request<{ items: TArticleSuggestion[] }>(
      'GET',
      `/articles/suggest?${new URLSearchParams({ q, limit: '5' })}`,
    ),
  article: (id: string) => request<TArticle>('GET', articlePath(id)),
  deflect: (id: string, query: string) =>
    request<{ articleId: string; month: string; count: number }>('POST', `${articlePath(id)}/deflections`, {
      query,
    }),
};
