import type { TArticle, TArticleVisibility, TSearchPage, TSimilarCases } from '@hamkke/core';
import { request } from '../api.js';

/** An article a ticket is linked to (GET /tickets/:id/articles). */
export type TTicketArticle = {
  articleId: string;
  code: string;
  title: string;
  visibility: TArticleVisibility;
  status: 'draft' | 'published' | 'archived';
  linkedAt: string;
};

/** The calls of the ticket page's "links / similar cases" section. */
export const linksApi = {
  ticketArticles: (ticketId: string) =>
    request<{ items: TTicketArticle[] }>('GET', `/tickets/${ticketId}/articles`),
  link: (articleId: string, ticketId: string) =>
    request<unknown>('POST', `/articles/${articleId}/tickets`, { ticketId }),
  unlink: (articleId: string, ticketId: string) =>
    request<void>('DELETE', `/articles/${articleId}/tickets/${ticketId}`),
  searchArticles: (q: string) =>
    request<TSearchPage>('GET', `/search?${new URLSearchParams({ q, type: 'article', limit: '10' })}`),
  draft: (ticketId: string) => request<TArticle>('POST', `/tickets/${ticketId}/article-draft`, {}),
  similar: (ticketId: string) => request<TSimilarCases>('GET', `/tickets/${ticketId}/similar`),
};
