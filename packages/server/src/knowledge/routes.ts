import {
  ZArticle,
  ZArticleDraftRequest,
  ZArticleParams,
  ZArticleSuggestions,
  ZArticleTicketList,
  ZArticleTicketParams,
  ZArticleVersion,
  ZArticleVersionList,
  ZArticleVersionParams,
  ZCreateArticle,
  ZCreateDeflection,
  ZDeflection,
  ZDeflectionMonth,
  ZDeflectionMonthQuery,
  ZDeflectionStats,
  ZLinkArticleTicket,
  ZListArticlesQuery,
  ZSuggestArticlesQuery,
  ZTicketArticleList,
  ZTicketRef,
  ZUpdateArticle,
  zPage,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { similarRoutes } from '../similar/routes.js';
import { createArticle } from './create-article.js';
import { draftArticleFromTicket } from './draft-article-from-ticket.js';
import { getArticle } from './get-article.js';
import {
  linkArticleTicket,
  listArticleTickets,
  listTicketArticles,
  unlinkArticleTicket,
} from './link-article-ticket.js';
import { getArticleVersion, listArticleVersions } from './list-article-versions.js';
import { listArticles } from './list-articles.js';
import { presentArticle, presentArticleVersion } from './present.js';
import { getDeflectionStats, listDeflectionsOfMonth, recordDeflection } from './record-deflection.js';
import { suggestArticles } from './suggest-articles.js';
import { updateArticle } from './update-article.js';

const tags = ['knowledge'];
const ZTicketParams = z.object({ id: ZTicketRef.shape.idOrNumber });

export const knowledgeRoutes: TRoutes = async (app) => {
  await app.register(similarRoutes);

  app.get(
    '/articles',
    {
      schema: {
        tags,
        querystring: ZListArticlesQuery,
        response: { 200: zPage(ZArticle) },
        description:
          'Staff: every article; a customer: published public articles, general or their organization’s. Most recently changed first.',
      },
    },
    async (req) => {
      const page = await listArticles(req.actor!, req.query);
      return { items: page.items.map((a) => presentArticle(a, req.actor!)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/articles',
    { schema: { tags, body: ZCreateArticle, response: { 201: ZArticle } } },
    async (req, reply) =>
      reply.code(201).send(presentArticle(await createArticle(req.actor!, req.body), req.actor!)),
  );

  app.get(
    '/articles/suggest',
    {
      schema: {
        tags,
        querystring: ZSuggestArticlesQuery,
        response: { 200: ZArticleSuggestions },
        description:
          'For the portal, while a customer writes a new inquiry: published public articles of their scope that match the text, best first.',
      },
    },
    async (req) => ({ items: await suggestArticles(req.actor!, req.query) }),
  );

  app.get(
    '/articles/deflections',
    {
      schema: {
        tags,
        querystring: ZDeflectionMonthQuery,
        response: { 200: ZDeflectionMonth },
        description: 'Staff: how many inquiries each article answered in the month (Seoul), most first.',
      },
    },
    async (req) => listDeflectionsOfMonth(req.actor!, req.query.month),
  );

  app.get(
    '/articles/:id',
    { schema: { tags, params: ZArticleParams, response: { 200: ZArticle } } },
    async (req) => presentArticle(await getArticle(req.actor!, req.params.id), req.actor!),
  );

  app.patch(
    '/articles/:id',
    {
      schema: {
        tags,
        params: ZArticleParams,
        body: ZUpdateArticle,
        response: { 200: ZArticle },
        description: 'Every edit is a new version; `version` must be the current one (409 otherwise).',
      },
    },
    async (req) => presentArticle(await updateArticle(req.actor!, req.params.id, req.body), req.actor!),
  );

  app.get(
    '/articles/:id/versions',
    { schema: { tags, params: ZArticleParams, response: { 200: ZArticleVersionList } } },
    async (req) => ({
      items: (await listArticleVersions(req.actor!, req.params.id)).map(presentArticleVersion),
    }),
  );

  app.get(
    '/articles/:id/versions/:version',
    { schema: { tags, params: ZArticleVersionParams, response: { 200: ZArticleVersion } } },
    async (req) =>
      presentArticleVersion(await getArticleVersion(req.actor!, req.params.id, req.params.version)),
  );

  app.get(
    '/articles/:id/tickets',
    { schema: { tags, params: ZArticleParams, response: { 200: ZArticleTicketList } } },
    async (req) => ({ items: await listArticleTickets(req.actor!, req.params.id) }),
  );

  app.post(
    '/articles/:id/tickets',
    {
      schema: {
        tags,
        params: ZArticleParams,
        body: ZLinkArticleTicket,
        response: { 201: ZArticleTicketList },
      },
    },
    async (req, reply) => {
      await linkArticleTicket(req.actor!, req.params.id, req.body.ticketId);
      return reply.code(201).send({ items: await listArticleTickets(req.actor!, req.params.id) });
    },
  );

  app.delete(
    '/articles/:id/tickets/:ticketId',
    { schema: { tags, params: ZArticleTicketParams } },
    async (req, reply) => {
      await unlinkArticleTicket(req.actor!, req.params.id, req.params.ticketId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/articles/:id/deflections',
    {
      schema: {
        tags,
        params: ZArticleParams,
        body: ZCreateDeflection,
        response: { 201: ZDeflection },
        description:
          'The portal reports that this article answered a customer’s inquiry and none was submitted (customer users only).',
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordDeflection(req.actor!, req.params.id, req.body.query)),
  );

  app.get(
    '/articles/:id/deflections',
    { schema: { tags, params: ZArticleParams, response: { 200: ZDeflectionStats } } },
    async (req) => getDeflectionStats(req.actor!, req.params.id),
  );

  app.post(
    '/tickets/:id/article-draft',
    {
      schema: {
        tags,
        params: ZTicketParams,
        body: ZArticleDraftRequest,
        response: { 201: ZArticle },
        description:
          'A draft article from a resolved or closed ticket: question, cause, solution, module, system and tags prefilled, linked to the ticket.',
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(presentArticle(await draftArticleFromTicket(req.actor!, req.params.id, req.body), req.actor!)),
  );

  app.get(
    '/tickets/:id/articles',
    { schema: { tags, params: ZTicketParams, response: { 200: ZTicketArticleList } } },
    async (req) => ({ items: await listTicketArticles(req.actor!, req.params.id) }),
  );
};
