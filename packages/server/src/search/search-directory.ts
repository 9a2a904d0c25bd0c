import { highlightRanges, snippetOf, type TSearchHit } from '@hamkke/core';
import { isStaff } from '../auth/policy.js';
import { currentDirectory } from './directory.js';
import { BAD_CURSOR, type TKindPage, type TKindSearch } from './search-backend.js';
import { holdsPlan, type TQueryPlan } from './typo-tolerance.js';

/** Score as tickets have it: 1 when the title alone holds every word, plus up to 0.5 for how much of it does. */
function scoreOf(plan: TQueryPlan, title: ReadonlySet<string>): number {
  const inTitle = plan.groups.filter((g) => g.some((t) => title.has(t))).length;
  const all = inTitle === plan.groups.length ? 1 : 0;
  return Math.round((all + (0.5 * inTitle) / plan.groups.length) * 10_000) / 10_000;
}

/** An offset into one kind's ranked list, tied to the query it belongs to. */
function pageOf(hits: TSearchHit[], limit: number, cursor: string | undefined, key: string): TKindPage {
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'ko') || a.id.localeCompare(b.id));
  let offset = 0;
  if (cursor) {
    const [k, o] = Buffer.from(cursor, 'base64url').toString('utf8').split('\u0000');
    if (k !== key || !/^\d+$/.test(o ?? '')) throw BAD_CURSOR;
    offset = Number(o);
  }
  const items = hits.slice(offset, offset + limit);
  const next =
    offset + limit < hits.length ? Buffer.from(`${key}\u0000${offset + limit}`).toString('base64url') : null;
  return { items, nextCursor: next };
}

const keyOf = (plan: TQueryPlan) => plan.groups.map((g) => g.join('|')).join(' ');

/**
 * Customer companies by name and code (and, for staff, by their special notes). A customer user finds
 * only their own organization, by name or code. `module`, `status` and dates leave organizations out.
 */
export const searchOrganizations: TKindSearch = async (actor, query, plan, page) => {
  if (query.module || query.status || query.createdFrom || query.createdTo)
    return { items: [], nextCursor: null };
  const { organizations } = await currentDirectory();
  const staff = isStaff(actor);
  const hits: TSearchHit[] = [];
  for (const o of organizations) {
    if (!staff && o.id !== actor.organizationId) continue;
    if (query.organizationId && o.id !== query.organizationId) continue;
    if (!holdsPlan(plan, staff ? o.staffTokens : o.publicTokens)) continue;
    const snippet = staff ? snippetOf([o.specialNotes], plan.tokens) : { text: '', highlights: [] };
    hits.push({
      type: 'organization',
      id: o.id,
      number: o.code,
      title: o.name,
      titleHighlights: highlightRanges(o.name, plan.tokens),
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: scoreOf(plan, new Set([...o.nameTokens, ...o.publicTokens])),
    });
  }
  return pageOf(hits, page.limit, page.cursor, `o:${keyOf(plan)}`);
};

/**
 * Customer SAP systems by SID, client, tier, product, release, solution, modules and description,
 * with their organization's name in the snippet. A customer user finds their own organization's.
 */
export const searchSystems: TKindSearch = async (actor, query, plan, page) => {
  if (query.status || query.createdFrom || query.createdTo) return { items: [], nextCursor: null };
  const { systems } = await currentDirectory();
  const staff = isStaff(actor);
  const hits: TSearchHit[] = [];
  for (const s of systems) {
    if (!staff && s.organizationId !== actor.organizationId) continue;
    if (query.organizationId && s.organizationId !== query.organizationId) continue;
    if (query.module && !query.module.some((m) => s.modules.includes(m))) continue;
    if (!holdsPlan(plan, s.tokens)) continue;
    const title = [s.sid, s.product, s.release].filter(Boolean).join(' ');
    const details = [s.organizationName, s.tier, s.modules.join(', '), s.description]
      .filter(Boolean)
      .join(' · ');
    const snippet = snippetOf([details], plan.tokens);
    hits.push({
      type: 'system',
      id: s.id,
      number: s.client ? `${s.sid}/${s.client}` : s.sid,
      title,
      titleHighlights: highlightRanges(title, plan.tokens),
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: scoreOf(plan, s.titleTokens),
    });
  }
  return pageOf(hits, page.limit, page.cursor, `s:${keyOf(plan)}`);
};
