import type { TActorRef, TAttachment, TComment, TTimeEntry } from '@hamkke/core';
import type { TAttachmentRow } from './add-attachment.js';
import type { TCommentRow } from './add-comment.js';
import type { TTimeEntryRow } from './add-time-entry.js';

export type TNames = Map<string, string>;
const actorRef = (id: string | null, names: TNames): TActorRef | null =>
  id ? { id, name: names.get(id) ?? '' } : null;

export function presentComment(c: TCommentRow, names: TNames): TComment {
  return {
    id: c.id,
    ticketId: c.ticketId,
    body: c.body,
    visibility: c.visibility,
    author: actorRef(c.authorId, names),
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentAttachment(a: TAttachmentRow, names: TNames): TAttachment {
  return {
    id: a.id,
    ticketId: a.ticketId,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    visibility: a.visibility,
    uploader: actorRef(a.uploaderId, names),
    createdAt: a.createdAt.toISOString(),
  };
}

export function presentTimeEntry(t: TTimeEntryRow, names: TNames): TTimeEntry {
  return {
    id: t.id,
    ticketId: t.ticketId,
    user: actorRef(t.userId, names),
    minutes: t.minutes,
    date: t.workDate,
    billable: t.billable,
    workClass: t.workClass,
    note: t.note,
    createdAt: t.createdAt.toISOString(),
  };
}
