import type { TSimilarCases } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { articleCode, articleScope } from '../knowledge/article-scope.js';
import { rankArticles } from '../knowledge/rank-articles.js';
import { getTicketView } from '../tickets/get-ticket.js';
import { findSimilarTickets } from './find-similar-tickets.js';
import { problemCandidateOf } from './problem-candidates.js';
import { caseTokens, sharedWords } from './similar-tokens.js';

/**
 * For a ticket: the five most similar resolved tickets and the five most similar articles the actor
 * may see, each with why it matched, and (for staff) the recurring-incident group it belongs to.
 */
export async function findSimilarCases(actor: TActor, ticketRef: string): Promise<TSimilarCases> {
  const { ticket } = await getTicketView(actor, ticketRef);
  const tokens = caseTokens(ticket.title, ticket.description);
  const source = { ...ticket, module: ticket.module, systemId: ticket.systemId };
  const sourceText = `${ticket.title}\n${ticket.description.slice(0, 4000)}`;
  const [similarTickets, articles, problemCandidate] = await Promise.all([
    findSimilarTickets(actor, source, tokens),
    rankArticles({
      scope: articleScope(actor),
      tokens,
      minShare: 0.15,
      systemId: ticket.systemId,
      module: ticket.module,
      limit: 5,
    }),
    isStaff(actor) ? problemCandidateOf(ticket) : Promise.resolve(null),
  ]);
  return {
    ticketId: ticket.id,
    tickets: similarTickets,
    articles: articles.map((a) => ({
      id: a.id,
      code: articleCode(a.number),
      title: a.title,
      score: Math.round(a.score * 10_000) / 10_000,
      reasons: {
        sharedWords: sharedWords(sourceText, a.shared),
        isSameSystem: a.isSameSystem,
        isSameModule: a.isSameModule,
      },
    })),
    problemCandidate,
  };
}
