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

// PostgreSQL has no year 0 and JavaScript writes years past 9999 with a sign: keep to 0001–9999 (UTC).
const FIRST_MS = Date.parse('0001-01-01T00:00:00Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');
const YEAR_RANGE = { message: 'A date between the years 1 and 9999' };
// NaN is left to the format check, which has already named it.
const isStorable = (ms: number) => Number.isNaN(ms) || (ms >= FIRST_MS && ms <= LAST_MS);

/** An ISO 8601 instant with an offset (`2026-11-25T09:00:00+09:00` or `…Z`). */
export const ZInstant = z.iso.datetime({ offset: true }).refine((v) => isStorable(Date.parse(v)), YEAR_RANGE);
/** A calendar date, `YYYY-MM-DD`. */
export const ZDate = z.iso.date().refine((v) => isStorable(Date.parse(`${v}T00:00:00Z`)), YEAR_RANGE);

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
