import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'agent', 'viewer', 'customer'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const LOCALES = ['ko', 'en'] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

export const ZUuid = z.uuid();
export const ZIdParam = z.object({ id: ZUuid });
export type TIdParam = z.infer<typeof ZIdParam>;

/** An ISO 8601 instant with an offset (`2026-11-25T09:00:00+09:00` or `…Z`). */
export const ZInstant = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
export const ZDate = z.iso.date();

/** Trimmed single-line text: what a title or a name is. */
export const zLine = (max: number, min = 1) => z.string().trim().min(min).max(max);

/** Query parameters arrive as strings or repeated keys; accept `a,b`, `a&a` and `a` alike. */
export const zQueryList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((p) => p.trim()).filter((p) => p !== '');
  }, z.array(item).min(1).max(20).optional());

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const ZActorRef = z.object({ id: ZUuid, name: z.string() });
export type TActorRef = z.infer<typeof ZActorRef>;

export const ZProblemError = z.object({ path: z.string(), message: z.string(), in: z.string().optional() });
/** RFC 9457 problem details, the one shape of every error this API returns. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(ZProblemError).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
