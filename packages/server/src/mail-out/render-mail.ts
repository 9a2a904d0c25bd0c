import type { TLocale, TNotificationKind } from '@hamkke/core';
import { AppError } from '../http/errors.js';
import { PLACEHOLDERS, type TTemplateText, URL_PLACEHOLDERS } from './default-templates.js';

type TNode =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string }
  | { type: 'section'; name: string; children: TNode[] };

/** One of the survey's one-click rating links. */
export type TRatingLink = { rating: number; label: string; url: string };
/** What a template is filled with: text values, and the rating links (the one structured value). */
export type TRenderInput = { values: Record<string, string>; ratingLinks: TRatingLink[] };

const TAG = /\{\{([^{}]*)\}\}/g;
const NAME = /^\s*([#/]?)([A-Za-z][A-Za-z0-9_]*)\s*$/;

/** A template that cannot be used: names the field (`subject`/`body`) and the placeholder. */
export class TemplateInvalid extends AppError {
  constructor(field: 'subject' | 'body', en: string, ko: string) {
    super(400, 'invalid_template', { en, ko }, [{ path: field, message: en, in: 'body' }]);
  }
}

/** Parses `{{name}}` and `{{#name}}…{{/name}}`, refusing any placeholder the kind does not know. */
export function parseTemplate(
  source: string,
  allowed: readonly string[],
  field: 'subject' | 'body',
): TNode[] {
  const root: TNode[] = [];
  const stack: { name: string; children: TNode[] }[] = [];
  const into = () => stack.at(-1)?.children ?? root;
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    if (match.index > last) into().push({ type: 'text', text: source.slice(last, match.index) });
    last = match.index + match[0].length;
    const parsed = NAME.exec(match[1] ?? '');
    const name = parsed?.[2];
    if (!parsed || !name || !allowed.includes(name)) {
      throw new TemplateInvalid(
        field,
        `Unknown placeholder ${match[0]}; this template knows ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
        `알 수 없는 치환자 ${match[0]}입니다. 이 템플릿에서 쓸 수 있는 치환자: ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
      );
    }
    if (parsed[1] === '#') {
      const section = { type: 'section' as const, name, children: [] as TNode[] };
      into().push(section);
      stack.push(section);
    } else if (parsed[1] === '/') {
      if (stack.at(-1)?.name !== name)
        throw new TemplateInvalid(
          field,
          `{{/${name}}} closes a section that is not open`,
          `{{/${name}}}에 맞는 {{#${name}}}가 없습니다`,
        );
      stack.pop();
    } else {
      into().push({ type: 'value', name });
    }
  }
  if (last < source.length) into().push({ type: 'text', text: source.slice(last) });
  const open = stack.at(-1);
  if (open)
    throw new TemplateInvalid(
      field,
      `{{#${open.name}}} is never closed with {{/${open.name}}}`,
      `{{#${open.name}}}를 닫는 {{/${open.name}}}가 없습니다`,
    );
  return root;
}

/** Checks both parts of a template for the kind; throws TemplateInvalid naming the first bad placeholder. */
export function checkTemplate(kind: TNotificationKind, template: TTemplateText): void {
  parseTemplate(template.subject, PLACEHOLDERS[kind], 'subject');
  parseTemplate(template.body, PLACEHOLDERS[kind], 'body');
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Only http(s) addresses become links: a `javascript:` value stays text. */
const isWebAddress = (value: string) => /^https?:\/\//i.test(value);

function renderNodes(nodes: TNode[], input: TRenderInput, format: 'text' | 'html'): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += format === 'html' ? escapeHtml(node.text) : node.text;
    } else if (node.type === 'section') {
      const isShown =
        node.name === 'ratingLinks' ? input.ratingLinks.length > 0 : Boolean(input.values[node.name]);
      if (isShown) out += renderNodes(node.children, input, format);
    } else if (node.name === 'ratingLinks') {
      out +=
        format === 'html'
          ? input.ratingLinks
              .map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`)
              .join(' &nbsp; ')
          : input.ratingLinks.map((l) => `${l.label}: ${l.url}`).join('\n');
    } else {
      const value = input.values[node.name] ?? '';
      if (format === 'text') out += value;
      else if (URL_PLACEHOLDERS.has(node.name) && isWebAddress(value))
        out += `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`;
      else out += escapeHtml(value);
    }
  }
  return out;
}

const tidy = (text: string) =>
  text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const FOOTER: Record<TLocale, { auto: string; preferences: string }> = {
  ko: {
    auto: '이 메일은 함께(Hamkke)에서 자동으로 보낸 알림입니다.',
    preferences: '알림 받을 항목은 여기에서 바꿀 수 있습니다',
  },
  en: {
    auto: 'This is an automatic notification from Hamkke.',
    preferences: 'Choose which notifications you get here',
  },
};

export type TRenderedMail = { subject: string; text: string; html: string };

/**
 * Renders a template into the subject as sent (the ticket number first, in brackets, so that replies
 * thread even when a template leaves it out), the text part and the HTML part. Every value and every
 * literal of the template is HTML-escaped in the HTML part; only http(s) address values become links.
 */
export function renderMail(
  kind: TNotificationKind,
  locale: TLocale,
  template: TTemplateText,
  input: TRenderInput,
  preferencesUrl: string,
): TRenderedMail {
  const allowed = PLACEHOLDERS[kind];
  const subjectNodes = parseTemplate(template.subject, allowed, 'subject');
  const bodyNodes = parseTemplate(template.body, allowed, 'body');
  const number = input.values.ticketNumber;
  let subject = renderNodes(subjectNodes, input, 'text').replace(/\s+/g, ' ').trim();
  if (number && !subject.includes(`[${number}]`)) subject = `[${number}] ${subject}`;
  const footer = FOOTER[locale];

  const text = `${tidy(renderNodes(bodyNodes, input, 'text'))}\n\n-- \n${footer.auto}\n${footer.preferences}: ${preferencesUrl}\n`;

  const paragraphs = tidy(renderNodes(bodyNodes, input, 'html'))
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${p.replaceAll('\n', '<br>\n')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:'Malgun Gothic','Apple SD Gothic Neo',sans-serif;font-size:14px;line-height:1.6;color:#222">
${paragraphs}
<hr style="border:none;border-top:1px solid #ddd">
<p style="font-size:12px;color:#777">${escapeHtml(footer.auto)}<br>
<a href="${escapeHtml(preferencesUrl)}">${escapeHtml(footer.preferences)}</a></p>
</body></html>
`;
  return { subject, text, html };
}
