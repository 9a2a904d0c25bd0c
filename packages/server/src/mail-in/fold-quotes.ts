/**
 * Lines that start the quoted history of a reply, as the common mailers write it: Outlook's
 * separator (English and Korean), Naver's and Daum's, and the Outlook header block.
 */
const SEPARATOR =
  /^\s*-{2,}\s*(?:Original Message|Forwarded by|원본 메시지|원본 메일|원래 메시지|Reply Message)\s*-{2,}\s*$/i;
const HEADER_START = /^\s*\*?(?:From|보낸 사람|보낸사람|발신자|보낸이)\s*\*?\s*:/i;
const HEADER_NEXT =
  /^\s*\*?(?:Sent|Date|To|Subject|Cc|보낸 날짜|날짜|받는 사람|받는사람|수신자|제목|참조)\s*\*?\s*:/i;
/** Gmail: `On Wed, Nov 25, 2026 at 2:00 PM 홍길동 <hong@example.com> wrote:` (often wrapped). */
const GMAIL_EN = /^\s*On\s.+\swrote:\s*$/is;
/** Gmail in Korean: `2026년 11월 25일 (수) 오후 2:00, 홍길동 <hong@example.com>님이 작성:`. */
const GMAIL_KO = /^\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일.*(?:님이|이\(가\))\s*작성:\s*$/s;
const QUOTED = /^\s*>/;

export type TFolded = { text: string; quoted: string };

/** Where the quoted history begins (a line index), or -1 when the text carries none. */
function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SEPARATOR.test(line)) return i;
    const joined = `${line} ${lines[i + 1] ?? ''}`;
    if (GMAIL_EN.test(line) || GMAIL_KO.test(line)) return i;
    if (/^\s*On\s/.test(line) && GMAIL_EN.test(joined)) return i;
    if (/^\s*\d{4}년/.test(line) && GMAIL_KO.test(joined)) return i;
    if (HEADER_START.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l))) return i;
    // A trailing block of `>` lines: everything after it is quoted as well.
    if (QUOTED.test(line) && lines.slice(i).every((l) => QUOTED.test(l) || l.trim() === '')) return i;
  }
  return -1;
}

/**
 * Splits a reply into what the sender wrote now and the quoted history below it. The history is
 * kept (stored with the message), only folded away from the comment. Nothing is folded when the
 * message is nothing but quotes.
 */
export function foldQuotes(text: string): TFolded {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = quoteStart(lines);
  if (start < 0) return { text: text.trim(), quoted: '' };
  const fresh = lines.slice(0, start).join('\n').trim();
  if (!fresh) return { text: text.trim(), quoted: '' };
  return { text: fresh, quoted: lines.slice(start).join('\n').trim() };
}
