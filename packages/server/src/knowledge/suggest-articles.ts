import { queryTokens, snippetOf, type TSapModule, type TSuggestArticlesQuery } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { caseTokens } from '../similar/similar-tokens.js';
import { articleCode, customerArticleScope } from './article-scope.js';
import { plainText } from './plain-text.js';
import { rankArticles } from './rank-articles.js';

/**
 * Articles to offer a customer while they write a new inquiry: published, public, general or their
 * organization's, best first. Staff see what a customer of `organizationId` (or of none) would be
 * offered. Any of the words may match (the text is an inquiry, not a query), but an article must hold
 * at least a third of them.
 */
export async function suggestArticles(actor: TActor, query: TSuggestArticlesQuery) {
  const organizationId = isStaff(actor) ? (query.organizationId ?? null) : actor.organizationId;
  const tokens = caseTokens(query.q, '');
  const ranked = await rankArticles({
    scope: customerArticleScope(organizationId),
    tokens,
    minShare: tokens.length <= 2 ? 1 : 1 / 3,
    module: query.module ?? null,
    limit: query.limit,
  });
  const highlightTokens = queryTokens(query.q);
  return ranked.map((a) => ({
    id: a.id,
    code: articleCode(a.number),
    title: a.title,
    snippet: snippetOf(plainText(a.body).split('\n'), highlightTokens).text,
    modules: a.modules as TSapModule[],
    score: Math.round(a.score * 10_000) / 10_000,
  }));
}
