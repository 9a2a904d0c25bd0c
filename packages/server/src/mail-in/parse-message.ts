import { type AddressObject, type HeaderValue, simpleParser } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { foldQuotes } from './fold-quotes.js';
import { decodeIso2022Kr } from './iso-2022-kr.js';

export type TMailAttachment = {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Content-ID of an inline image, referenced from the HTML as `cid:…`. */
  contentId: string | null;
  isInline: boolean;
};

/** What processing needs of a message, decoded to UTF-8 whatever the charset it came in. */
export type TParsedMail = {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  /** The whole plain text (from the text part, else derived from the HTML). */
  fullText: string;
  /** What the sender wrote now, with the quoted history folded away. */
  text: string;
  quoted: string;
  /** The HTML part, sanitised; null when the message had none. */
  html: string | null;
  attachments: TMailAttachment[];
  /** Lower-cased header name → its text, for the loop and noise checks. */
  headers: Map<string, string>;
  contentType: string;
  reportType: string | null;
  returnPath: string | null;
};

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'span', 'font', 'center']),
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  // Inline images point at their part (cid:); remote images would tell the sender the mail was read.
  allowedSchemesByTag: { img: ['cid'] },
  allowedSchemes: ['http', 'https', 'mailto'],
};

const FORWARD = /^\s*(?:fwd?|전달)\s*:/i;

const messageIds = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : [])
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .map((v) => (v.startsWith('<') ? v : `<${v}>`));

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (value && typeof value === 'object' && 'value' in value) {
    const v = (value as { value: unknown }).value;
    if (typeof v === 'string') return v;
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  const entry = list.flatMap((a) => a.value)[0];
  return {
    address: entry?.address ? entry.address.trim().toLowerCase() : null,
    name: entry?.name ? decodeIso2022Kr(entry.name).trim() || null : null,
  };
}

/** Parses a raw message with mailparser, then repairs what it leaves undecoded (ISO-2022-KR). */
export async function parseMessage(raw: Buffer): Promise<TParsedMail> {
  const mail = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true, skipImageLinks: true });
  const headers = new Map<string, string>();
  for (const [key, value] of mail.headers) headers.set(key.toLowerCase(), headerText(value));
  const contentTypeHeader = mail.headers.get('content-type') as
    | { value: string; params?: Record<string, string> }
    | undefined;
  const from = firstAddress(mail.from);
  const fullText = decodeIso2022Kr(mail.text ?? '').replace(/\r\n/g, '\n');
  const subject = decodeIso2022Kr(mail.subject ?? '').trim();
  // A forward is the substance of the message: what was forwarded stays in the text.
  const folded = FORWARD.test(subject) ? { text: fullText.trim(), quoted: '' } : foldQuotes(fullText);
  const html = typeof mail.html === 'string' ? sanitizeHtml(decodeIso2022Kr(mail.html), SANITIZE) : null;
  // mailparser turns Return-Path into an address list, where the null sender `<>` is lost: read the line.
  const returnPathLine = mail.headerLines.find((l) => l.key.toLowerCase() === 'return-path');
  const returnPath = returnPathLine ? returnPathLine.line.replace(/^[^:]*:\s*/, '').trim() : null;
  return {
    messageId: mail.messageId ? messageIds(mail.messageId)[0]! : null,
    inReplyTo: messageIds(mail.inReplyTo),
    references: messageIds(mail.references),
    fromAddress: from.address,
    fromName: from.name,
    subject,
    fullText,
    text: folded.text,
    quoted: folded.quoted,
    html,
    attachments: mail.attachments.map((a, i) => ({
      filename: decodeIso2022Kr(a.filename ?? '') || defaultName(a.contentType, i),
      contentType: a.contentType || 'application/octet-stream',
      content: a.content,
      contentId: a.cid ?? null,
      isInline: a.contentDisposition === 'inline' || Boolean(a.related),
    })),
    headers,
    contentType: (contentTypeHeader?.value ?? 'text/plain').toLowerCase(),
    reportType: contentTypeHeader?.params?.['report-type']?.toLowerCase() ?? null,
    returnPath,
  };
}

function defaultName(contentType: string, index: number): string {
  const ext = contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
  return `attachment-${index + 1}.${ext}`;
}
