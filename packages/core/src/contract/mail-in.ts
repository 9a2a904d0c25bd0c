import { z } from 'zod';
import { ZPageQuery, ZUuid, zLine, zQueryList } from './common.js';
import { ZTicketType } from './tickets.js';

export const INBOUND_STATUSES = [
  'received',
  'processing',
  'processed',
  'ignored',
  'triage',
  'rejected',
  'failed',
] as const;
export const ZInboundStatus = z.enum(INBOUND_STATUSES);
export type TInboundStatus = z.infer<typeof ZInboundStatus>;

export const ZUnknownSenderPolicy = z.enum(['triage', 'reject']);

/** One stored inbound message, as the admin list shows it. */
export const ZInboundMessage = z.object({
  id: ZUuid,
  source: z.enum(['smtp', 'imap']),
  mailboxId: ZUuid.nullable(),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string().nullable(),
  size: z.number().int(),
  receivedAt: z.string(),
  status: ZInboundStatus,
  /** Why it was ignored, triaged or rejected (e.g. `auto_submitted`, `unknown_sender`, `rate_limited`). */
  reason: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  processedAt: z.string().nullable(),
  ticketId: ZUuid.nullable(),
  ticketNumber: z.string().nullable(),
  commentId: ZUuid.nullable(),
});
export type TInboundMessage = z.infer<typeof ZInboundMessage>;

/** The detail adds what was read from the message: the new text, the folded history, sanitised HTML. */
export const ZInboundMessageDetail = ZInboundMessage.extend({
  envelopeFrom: z.string().nullable(),
  envelopeTo: z.array(z.string()),
  bodyText: z.string().nullable(),
  quotedText: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  /** How a reply found its ticket: a stored Message-ID, Hamkke's outbound Message-ID, or the subject. */
  threadedBy: z.enum(['message_id', 'hamkke_message_id', 'subject_number']).nullable(),
  /** The SMTP client that delivered it (SMTP only). */
  remoteAddress: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() })),
});
export type TInboundMessageDetail = z.infer<typeof ZInboundMessageDetail>;

export const ZListInboundQuery = ZPageQuery.extend({
  status: zQueryList(ZInboundStatus),
  mailboxId: ZUuid.optional(),
  ticketId: ZUuid.optional(),
});
export type TListInboundQuery = z.infer<typeof ZListInboundQuery>;

/** Open a ticket from a triaged message, for an organization the admin chooses. */
export const ZOpenTriaged = z
  .object({
    organizationId: ZUuid,
    /** A user of that organization (or staff) to stand as requester; none leaves it empty. */
    requesterId: ZUuid.optional(),
    type: ZTicketType.default('inquiry'),
  })
  .strict();
export type TOpenTriaged = z.infer<typeof ZOpenTriaged>;

export const ZRejectTriaged = z.object({ reason: z.string().trim().max(500).optional() }).strict();
export type TRejectTriaged = z.infer<typeof ZRejectTriaged>;

const ZHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host name or address');

const mailboxFields = {
  name: zLine(100),
  host: ZHost,
  port: z.number().int().min(1).max(65535),
  isTls: z.boolean(),
  username: zLine(200),
  password: z.string().min(1).max(500),
  folder: zLine(200),
  /** How often the mailbox is polled, in seconds (10 s to one day). */
  pollSeconds: z.number().int().min(10).max(86400),
  isActive: z.boolean(),
  unknownSender: ZUnknownSenderPolicy,
  /** The organization a message is filed under when its sender is staff (no organization of their own). */
  defaultOrganizationId: ZUuid.nullable(),
};

export const ZCreateMailbox = z
  .object({
    ...mailboxFields,
    port: mailboxFields.port.default(993),
    isTls: mailboxFields.isTls.default(true),
    folder: mailboxFields.folder.default('INBOX'),
    pollSeconds: mailboxFields.pollSeconds.default(60),
    isActive: mailboxFields.isActive.default(true),
    unknownSender: mailboxFields.unknownSender.default('triage'),
    defaultOrganizationId: mailboxFields.defaultOrganizationId.optional(),
  })
  .strict();
export type TCreateMailbox = z.infer<typeof ZCreateMailbox>;

export const ZUpdateMailbox = z.object(mailboxFields).partial().strict();
export type TUpdateMailbox = z.infer<typeof ZUpdateMailbox>;

/** A mailbox as the API shows it: never the password, only whether one is set. */
export const ZMailbox = z.object({
  id: ZUuid,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  isTls: z.boolean(),
  username: z.string(),
  hasPassword: z.boolean(),
  folder: z.string(),
  pollSeconds: z.number().int(),
  isActive: z.boolean(),
  unknownSender: ZUnknownSenderPolicy,
  defaultOrganizationId: ZUuid.nullable(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMailbox = z.infer<typeof ZMailbox>;
