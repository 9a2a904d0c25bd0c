import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { db } from '../db/current.js';
import { notifications } from '../db/schema.js';
import { client } from '../test/api.js';
import { makeUser, makeWorld } from '../test/factories.js';

/** An organization's world plus a ticket its customer asked for, resolved by the agent; the survey link. */
export async function makeResolvedTicket(app: () => FastifyInstance, overrides: object = {}) {
  const w = await makeWorld();
  const colleague = await makeUser('customer', w.org.id);
  const agent = client(app, { cookie: w.agent.cookie });
  const created = await agent.post('/tickets', {
    organizationId: w.org.id,
    title: 'MIRO 송장 전기 오류 <긴급>',
    requesterId: w.customer.id,
    assigneeId: w.agent.id,
    module: 'MM',
    ...overrides,
  });
  if (created.statusCode !== 201) throw new Error(`setup failed: ${created.body}`);
  const ticket = created.data as { id: string; number: string; title: string };
  const resolved = await agent.patch(`/tickets/${ticket.id}`, { status: 'resolved' });
  if (resolved.statusCode !== 200) throw new Error(`setup failed: ${resolved.body}`);
  return { w, colleague, agent, ticket, link: await latestSurveyLink(w.customer.id) };
}

/** The survey address in the requester's newest `ticket_resolved` notification, as the mail carries it. */
export async function latestSurveyLink(
  userId: string,
): Promise<{ url: string; path: string; token: string; expiresAt: string } | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  if (row?.kind !== 'ticket_resolved') return null;
  const url = String(row.data.surveyUrl);
  const path = new URL(url).pathname;
  return { url, path, token: path.split('/').at(-1)!, expiresAt: String(row.data.surveyExpiresAt) };
}
