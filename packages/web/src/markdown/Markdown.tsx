import { Fragment, type ReactNode } from 'react';

/** The mention token the server parses (mail and notifications): `@[표시 이름](user:<uuid>)`. */
export const MENTION = /@\[([^\]\n]{1,100})\]\(user:([0-9a-f-]{36})\)/;
export const mentionToken = (name: string, userId: string) =>
  `@[${name.replace(/[[\]]/g, '')}](user:${userId})`;

const INLINE =
  /(@\[[^\]\n]{1,100}\]\(user:[0-9a-f-]{36}\))|(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*)|(\[[^\]\n]+\]\((?:https?:\/\/|mailto:)[^)\s]+\))/g;

/** Inline Markdown: mentions (as chips), code, bold, italic, links to http(s) and mailto only. */
function inline(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(INLINE)) {
    const [token] = match;
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const key = `${keyPrefix}-${n++}`;
    if (match[1]) {
      const [, name] = MENTION.exec(token) ?? [];
      out.push(
        <span key={key} className="mention">
          @{name}
        </span>,
      );
    } else if (match[2]) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (match[3]) out.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (match[4]) out.push(<em key={key}>{token.slice(1, -1)}</em>);
    else {
      const close = token.indexOf('](');
      out.push(
        <a key={key} href={token.slice(close + 2, -1)} rel="noopener noreferrer nofollow" target="_blank">
          {token.slice(1, close)}
        </a>,
      );
    }
    last = at + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function withBreaks(lines: string[], key: string): ReactNode[] {
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of a paragraph have no identity but their place.
    <Fragment key={`${key}-${i}`}>
      {i > 0 && <br />}
      {inline(line, `${key}-${i}`)}
    </Fragment>
  ));
}

/**
 * A safe subset of Markdown rendered as React elements (never as HTML, so no markup in a reply can
 * run or style anything): paragraphs, line breaks, `-`/`1.` lists, fenced code, `code`, **bold**,
 * *italic*, links, and mentions as chips.
 */
export function Markdown({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const key = `b${i}`;
    if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith('```')) code.push(lines[i++]!);
      i++;
      blocks.push(
        <pre key={key}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const isOrdered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i]!))
        items.push(lines[i++]!.replace(/^\s*([-*]|\d+\.)\s+/, ''));
      const children = items.map((item, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place.
        <li key={n}>{inline(item, `${key}-${n}`)}</li>
      ));
      blocks.push(isOrdered ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>);
    } else if (line.trim() === '') {
      i++;
    } else {
      const paragraph: string[] = [];
      while (
        i < lines.length &&
        lines[i]!.trim() !== '' &&
        !lines[i]!.startsWith('```') &&
        !/^\s*([-*]|\d+\.)\s+/.test(lines[i]!)
      )
        paragraph.push(lines[i++]!);
      blocks.push(<p key={key}>{withBreaks(paragraph, key)}</p>);
    }
  }
  return <div className="markdown">{blocks}</div>;
}
