import { INTERNAL_NOTES_MARKER, type TArticleVisibility, type TLocale } from '@hamkke/core';

export type TDraftTicket = {
  number: string;
  title: string;
  description: string;
  module: string | null;
  systemId: string | null;
  tags: string[];
  sapNotes: string[];
  transports: string[];
  resolvedAt: Date | null;
};
export type TDraftComment = {
  body: string;
  visibility: 'public' | 'internal';
  /** Written by the team (not by the customer). */
  isByStaff: boolean;
  createdAt: Date;
};
export type TArticleDraft = {
  title: string;
  body: string;
  language: TLocale;
  tags: string[];
  modules: string[];
  systemIds: string[];
};

const HEADINGS = {
  ko: {
    question: '질문',
    cause: '원인',
    solution: '해결',
    refs: '참고',
    ticket: '원본 티켓',
    transports: '이관 요청',
    todo: '(작성 필요)',
  },
  en: {
    question: 'Question',
    cause: 'Cause',
    solution: 'Solution',
    refs: 'References',
    ticket: 'Source ticket',
    transports: 'Transport requests',
    todo: '(to be written)',
  },
};

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The prefilled body of an article drafted from a resolved ticket: 질문 (title and description),
 * 원인 and 해결, and references. 해결 is the team's last public reply up to the resolution. Internal
 * notes go in only for an internal article, under 원인, after the marker line that keeps the article
 * from being made public while they remain; a public draft leaves 원인 for the author to write.
 */
export function buildArticleDraft(
  ticket: TDraftTicket,
  comments: readonly TDraftComment[],
  visibility: TArticleVisibility,
  isGeneral = false,
): TArticleDraft {
  const language: TLocale = HANGUL.test(`${ticket.title} ${ticket.description}`) ? 'ko' : 'en';
  const h = HEADINGS[language];
  const resolvedAt = ticket.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const staffPublic = comments.filter((c) => c.visibility === 'public' && c.isByStaff);
  // The resolving reply: the team's last public reply up to the resolution (the earlier ones are
  // mostly "we are looking into it"; they stay on the linked ticket).
  const resolving =
    staffPublic.filter((c) => c.createdAt.getTime() <= resolvedAt).at(-1) ?? staffPublic.at(-1);
  const solution = resolving ? [resolving.body.trim()] : [];
  const internal = comments.filter((c) => c.visibility === 'internal').map((c) => c.body.trim());
  const cause =
    visibility === 'internal' && internal.length > 0 ? [INTERNAL_NOTES_MARKER, ...internal] : [h.todo];
  // A public general article does not name a customer's ticket (its number carries the customer's code).
  const refs = visibility === 'public' && isGeneral ? [] : [`- ${h.ticket}: ${ticket.number}`];
  if (ticket.sapNotes.length > 0) refs.push(`- SAP Note: ${ticket.sapNotes.join(', ')}`);
  if (ticket.transports.length > 0) refs.push(`- ${h.transports}: ${ticket.transports.join(', ')}`);
  const body = [
    `## ${h.question}`,
    [`**${ticket.title.trim()}**`, ticket.description.trim()].filter((s) => s !== '').join('\n\n'),
    `## ${h.cause}`,
    cause.join('\n\n'),
    `## ${h.solution}`,
    solution.length > 0 ? solution.join('\n\n') : h.todo,
    ...(refs.length > 0 ? [`## ${h.refs}`, refs.join('\n')] : []),
  ].join('\n\n');
  return {
    title: ticket.title.trim(),
    body,
    language,
    // Ticket tags are internal: they go into an internal draft only.
    tags: visibility === 'internal' ? ticket.tags : [],
    modules: ticket.module ? [ticket.module] : [],
    systemIds: ticket.systemId ? [ticket.systemId] : [],
  };
}
