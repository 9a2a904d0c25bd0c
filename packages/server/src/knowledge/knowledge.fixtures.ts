import type { FastifyInstance } from 'fastify';
import { client, type TResponse } from '../test/api.js';
import type { TTestUser } from '../test/factories.js';

type TApp = () => FastifyInstance;

/** The data a setup call created; a setup step that fails stops the test with the server's answer. */
export function created<T = { id: string; number: string; code: string; version: number }>(
  res: TResponse,
): T {
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.data;
}

export type TCaseInput = {
  organizationId: string;
  title: string;
  description?: string;
  type?: 'incident' | 'inquiry' | 'request';
  module?: string;
  systemId?: string;
  publicReply?: string;
  internalNote?: string;
  customerReply?: string;
  /** Leave the ticket open instead of resolving it. */
  isOpen?: boolean;
};

/** A ticket worked as the team would: an internal note, the customer's word, a public reply, resolved. */
export async function makeCase(app: TApp, agentUser: TTestUser, input: TCaseInput, customer?: TTestUser) {
  const agent = client(app, { cookie: agentUser.cookie });
  const { publicReply, internalNote, customerReply, isOpen, ...fields } = input;
  const ticket = created(await agent.post('/tickets', { type: 'inquiry', description: '', ...fields }));
  if (internalNote)
    created(
      await agent.post(`/tickets/${ticket.id}/comments`, { body: internalNote, visibility: 'internal' }),
    );
  if (customerReply && customer)
    created(
      await client(app, { cookie: customer.cookie }).post(`/tickets/${ticket.id}/comments`, {
        body: customerReply,
      }),
    );
  if (publicReply) created(await agent.post(`/tickets/${ticket.id}/comments`, { body: publicReply }));
  if (!isOpen) created(await agent.patch(`/tickets/${ticket.id}`, { status: 'resolved' }));
  return ticket;
}

export type TArticleInput = {
  title: string;
  body?: string;
  organizationId?: string | null;
  visibility?: 'internal' | 'public';
  status?: 'draft' | 'published' | 'archived';
  modules?: string[];
  systemIds?: string[];
  tags?: string[];
};

/** An article written by the given staff user (published and public unless said otherwise). */
export async function makeArticle(app: TApp, author: TTestUser, input: TArticleInput) {
  return created(
    await client(app, { cookie: author.cookie }).post('/articles', {
      visibility: 'public',
      status: 'published',
      ...input,
    }),
  );
}
