import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { ZVisibility } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { attachments } from '../db/schema.js';
import { AppError, Invalid } from '../http/errors.js';
import { appendEvent } from './append-event.js';
import { lockTicket } from './get-ticket.js';
import { assertTakesPublicPosts } from './policy.js';

export type TAttachmentRow = typeof attachments.$inferSelect;

const TOO_LARGE = (max: number) =>
  new AppError(413, 'too_large', {
    en: `The file is larger than ${Math.round(max / 1024 / 1024)} MB`,
    ko: `파일이 ${Math.round(max / 1024 / 1024)}MB보다 큽니다`,
  });

const BAD_VISIBILITY = new AppError(
  400,
  'invalid_visibility',
  { en: 'visibility must be public or internal', ko: 'visibility는 public 또는 internal이어야 합니다' },
  [{ path: 'visibility', message: 'Expected public or internal', in: 'body' }],
);

/** A file to store: from a multipart upload (uploadOfMultipart) or from a mail's parts (mail-in). */
export type TUpload = {
  filename: string;
  mimetype: string;
  /** The bytes; `truncated` is set when an upload stopped at the size limit. */
  content: Readable & { truncated?: boolean };
  /** The `visibility` field as sent; absent means public. */
  visibility?: unknown;
};

/** The upload of a multipart request: the file and the `visibility` field sent before it. */
export function uploadOfMultipart(file: MultipartFile): TUpload {
  const field = file.fields.visibility;
  return {
    filename: file.filename,
    mimetype: file.mimetype,
    content: file.file,
    // A `visibility` that came as a file part has no value: refused below, like any unknown value.
    visibility: field === undefined ? undefined : 'value' in field ? field.value : null,
  };
}

/** A value we do not know is refused, never taken as public. */
function visibilityOf(upload: TUpload): 'public' | 'internal' {
  if (upload.visibility === undefined) return 'public';
  const parsed = ZVisibility.safeParse(upload.visibility);
  if (!parsed.success) throw BAD_VISIBILITY;
  return parsed.data;
}

/** Where attachments live: `<dataDir>/attachments/<yyyy>/<mm>/<uuid>`. */
export function attachmentPath(dataDir: string, storageKey: string): string {
  return path.join(dataDir, 'attachments', storageKey);
}

/**
 * Stores an uploaded file on a ticket. The file is written to a temporary name, then the row is
 * committed and the file moved into place; a failure on either side leaves neither behind.
 */
export async function addAttachment(
  actor: TActor,
  ticketRef: string,
  file: TUpload,
  opts: { dataDir: string; maxBytes: number },
): Promise<TAttachmentRow> {
  const visibility = visibilityOf(file);
  // Authorize before reading the upload.
  const ticket = await lockTicket(actor, ticketRef, db);
  assert(isStaff(actor) ? canWork(actor) : visibility === 'public');
  assertTakesPublicPosts(ticket, visibility);
  // Control characters (NUL above all, which PostgreSQL text cannot hold) have no place in a file name.
  const filename = path
    .basename(file.filename || 'file')
    .replace(/\p{Cc}/gu, '')
    .slice(0, 255);
  if (!filename.trim())
    throw new Invalid('file', { en: 'The file needs a name', ko: '파일 이름이 필요합니다' });

  const now = new Date();
  const storageKey = path.join(
    String(now.getUTCFullYear()),
    String(now.getUTCMonth() + 1).padStart(2, '0'),
    randomUUID(),
  );
  const finalPath = attachmentPath(opts.dataDir, storageKey);
  const tempPath = `${finalPath}.part`;
  await fs.mkdir(path.dirname(finalPath), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.content, counter, createWriteStream(tempPath));
    if (file.content.truncated) throw TOO_LARGE(opts.maxBytes);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw TOO_LARGE(opts.maxBytes);
    throw error;
  }

  try {
    return await db.transaction(async (tx) => {
      await lockTicket(actor, ticket.id, tx);
      const [row] = await tx
        .insert(attachments)
        .values({
          ticketId: ticket.id,
          uploaderId: actor.userId,
          filename,
          contentType: file.mimetype || 'application/octet-stream',
          size,
          sha256: hash.digest('hex'),
          storageKey,
          visibility,
        })
        .returning();
      await appendEvent(tx, actor, ticket.id, { kind: 'attachment', visibility, subjectId: row!.id });
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'attachment',
        entityId: row!.id,
        after: { ticketId: ticket.id, filename, size, visibility },
      });
      await fs.rename(tempPath, finalPath);
      return row!;
    });
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    await fs.rm(finalPath, { force: true });
    throw error;
  }
}
