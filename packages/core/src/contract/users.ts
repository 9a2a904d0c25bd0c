import { z } from 'zod';
import { ZLocale, ZRole, ZUuid, zLine } from './common.js';

// The HTML5 rule, which accepts single-label domains such as admin@localhost.
const ZEmail = z
  .email({ pattern: z.regexes.html5Email })
  .max(254)
  .transform((e) => e.toLowerCase());
const ZPassword = z.string().min(10).max(200);

export const ZUser = z.object({
  id: ZUuid,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  organizationId: ZUuid.nullable(),
  locale: ZLocale,
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

const customerNeedsOrganization = (u: { role?: string; organizationId?: string | null }) =>
  u.role === undefined || (u.role === 'customer') === Boolean(u.organizationId);
const ORG_RULE = {
  message: 'A customer user needs organizationId; staff have none',
  path: ['organizationId'],
};

export const ZCreateUser = z
  .object({
    email: ZEmail,
    name: zLine(100),
    role: ZRole,
    organizationId: ZUuid.nullable().optional(),
    password: ZPassword.optional(),
    locale: ZLocale.default('ko'),
  })
  .strict()
  .refine(customerNeedsOrganization, ORG_RULE);
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    name: zLine(100),
    role: ZRole,
    organizationId: ZUuid.nullable(),
    locale: ZLocale,
    isActive: z.boolean(),
    password: ZPassword,
  })
  .partial()
  .strict();
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZListUsersQuery = z.object({
  role: ZRole.optional(),
  organizationId: ZUuid.optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ZLogin = z.object({ email: ZEmail, password: z.string().min(1).max(200) }).strict();
export type TLogin = z.infer<typeof ZLogin>;

export const ZCreateToken = z
  .object({ name: zLine(100), expiresAt: z.iso.datetime({ offset: true }).optional() })
  .strict();
export type TCreateToken = z.infer<typeof ZCreateToken>;

export const ZApiToken = z.object({
  id: ZUuid,
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
export type TApiToken = z.infer<typeof ZApiToken>;
