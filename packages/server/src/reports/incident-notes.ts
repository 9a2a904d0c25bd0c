/** Longest cause or action a report carries. */
const MAX = 2000;

const LABEL =
  /^[ \t>#*_-]*(원인|발생\s*원인|근본\s*원인|cause|root\s*cause|조치|조치\s*내용|조치\s*사항|대응|action|actions\s*taken|resolution)[ \t*_]*[:：][ \t*_]*/gim;

const CAUSE = /^(원인|발생\s*원인|근본\s*원인|cause|root\s*cause)$/i;

const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);

/**
 * Cause and action of an incident, read from its resolution comment (the last public staff comment
 * up to the resolution). A comment with labelled parts (`원인:` / `Cause:` and `조치:` / `Action:`)
 * gives each part; any other comment is the action as a whole, with no cause.
 */
export function causeAndAction(comment: string | null): { cause: string; action: string } {
  if (!comment) return { cause: '', action: '' };
  const labels = [...comment.matchAll(LABEL)];
  if (!labels.length) return { cause: '', action: clip(comment.trim()) };
  const parts = { cause: [] as string[], action: [] as string[] };
  labels.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = labels[i + 1]?.index ?? comment.length;
    const text = comment.slice(from, to).trim();
    const label = (m[1] ?? '').replace(/\s+/g, ' ').trim();
    if (text) (CAUSE.test(label) ? parts.cause : parts.action).push(text);
  });
  return { cause: clip(parts.cause.join('\n')), action: clip(parts.action.join('\n')) };
}
