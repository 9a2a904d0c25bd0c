import iconv from 'iconv-lite';

const ESC_DESIGNATOR = '\u001b$)C';
const SO = '\u000e';
const SI = '\u000f';

/**
 * Neither mailparser nor iconv-lite decodes ISO-2022-KR (RFC 1557): they pass its 7-bit bytes
 * through unchanged. It is KS X 1001 in 7 bits: `ESC $ ) C` designates it, SO shifts into Korean and
 * SI back to ASCII; a shifted byte pair with the high bit set is EUC-KR.
 */
export function isIso2022Kr(text: string): boolean {
  return text.includes(ESC_DESIGNATOR) || (text.includes(SO) && text.includes(SI));
}

/** Decodes ISO-2022-KR text that arrived as its raw 7-bit characters; other text comes back unchanged. */
export function decodeIso2022Kr(text: string): string {
  if (!isIso2022Kr(text)) return text;
  let out = '';
  let shifted = false;
  let pending: number[] = [];
  const flush = () => {
    if (pending.length) out += iconv.decode(Buffer.from(pending), 'euc-kr');
    pending = [];
  };
  const source = text.split(ESC_DESIGNATOR).join('');
  for (const ch of source) {
    if (ch === SO) {
      shifted = true;
    } else if (ch === SI || ch === '\n' || ch === '\r') {
      // A line end also ends the shift (RFC 1557: SI before the end of every line).
      flush();
      shifted = false;
      if (ch !== SI) out += ch;
    } else if (shifted && ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) < 0x7f) {
      pending.push(ch.charCodeAt(0) | 0x80);
    } else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

/** Encodes text as ISO-2022-KR bytes (tests and fixtures write messages the way old mailers did). */
export function encodeIso2022Kr(text: string, withDesignator = true): Buffer {
  const out: number[] = withDesignator ? [0x1b, 0x24, 0x29, 0x43] : [];
  let shifted = false;
  for (const ch of text) {
    const bytes = iconv.encode(ch, 'euc-kr');
    if (bytes[0]! >= 0x80) {
      if (!shifted) out.push(0x0e);
      shifted = true;
      for (const b of bytes) out.push(b & 0x7f);
    } else {
      if (shifted) out.push(0x0f);
      shifted = false;
      out.push(...bytes);
    }
  }
  if (shifted) out.push(0x0f);
  return Buffer.from(out);
}
