import type {
  TActorRef,
  TCalendarView,
  TContract,
  TContractUsage,
  TCreateContract,
  TCreateMailbox,
  TCreateOrganization,
  TCreateSystem,
  TCreateUser,
  TInboundMessage,
  TInboundMessageDetail,
  TInboundStatus,
  TMailbox,
  TMailPreview,
  TMailSettings,
  TMailTemplate,
  TNotificationKind,
  TNotificationPreference,
  TOpenTriaged,
  TOrganization,
  TOutboxMail,
  TPutMailTemplate,
  TRole,
  TSlaPolicy,
  TSystem,
  TUpdateContract,
  TUpdateMailbox,
  TUpdateMailSettings,
  TUpdateOrganization,
  TUpdateSystem,
  TUpdateUser,
  TUser,
} from '@hamkke/core';
import { request, type TPage } from '../api.js';

/** One row of `GET /audit` (ZAuditEntry of the core). */
export type TAuditEntry = {
  id: string;
  at: string;
  actor: TActorRef | null;
  sourceAddress: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** The notification kinds of the core (contract/mail-out.ts), copied to keep zod out of the bundle. */
export const NOTIFICATION_KINDS = [
  'ticket_received',
  'public_reply',
  'ticket_resolved',
  'mention',
  'sla_at_risk',
  'sla_breached',
  'contract_hours',
  'monthly_report',
] as const satisfies readonly TNotificationKind[];

export const INBOUND_STATUSES = [
  'received',
  'processing',
  'processed',
  'ignored',
  'triage',
  'rejected',
  'failed',
] as const satisfies readonly TInboundStatus[];

export const ROLES = ['admin', 'manager', 'agent', 'viewer', 'customer'] as const satisfies readonly TRole[];
export const TIERS = ['DEV', 'QAS', 'PRD'] as const satisfies readonly TSystem['tier'][];
export const CONTRACT_SERVICES = [
  'support',
  'inspection',
  'monthly_report',
] as const satisfies readonly TContract['services'][number][];
export const INSPECTION_CADENCES = [
  'none',
  'monthly',
  'quarterly',
] as const satisfies readonly TContract['inspectionCadence'][];

const enc = encodeURIComponent;

/** The calls of the admin, customer and settings pages. */
export const adminApi = {
  users: (filter: { role?: string; organizationId?: string; isActive?: string }) => {
    const params = new URLSearchParams(
      Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return request<{ items: TUser[] }>('GET', `/users?${params}`);
  },
  createUser: (input: Partial<TCreateUser>) => request<TUser>('POST', '/users', input),
  updateUser: (id: string, change: TUpdateUser) => request<TUser>('PATCH', `/users/${id}`, change),

  organizations: () => request<{ items: TOrganization[] }>('GET', '/organizations'),
  organization: (id: string) => request<TOrganization>('GET', `/organizations/${id}`),
  createOrganization: (input: Partial<TCreateOrganization>) =>
    request<TOrganization>('POST', '/organizations', input),
  updateOrganization: (id: string, change: TUpdateOrganization) =>
    request<TOrganization>('PATCH', `/organizations/${id}`, change),

  systems: (organizationId: string) =>
    request<{ items: TSystem[] }>('GET', `/organizations/${organizationId}/systems`),
  createSystem: (organizationId: string, input: Partial<TCreateSystem>) =>
    request<TSystem>('POST', `/organizations/${organizationId}/systems`, input),
  updateSystem: (id: string, change: TUpdateSystem) => request<TSystem>('PATCH', `/systems/${id}`, change),

  contracts: (organizationId: string) =>
    request<{ items: TContract[] }>('GET', `/organizations/${organizationId}/contracts`),
  createContract: (organizationId: string, input: Partial<TCreateContract>) =>
    request<TContract>('POST', `/organizations/${organizationId}/contracts`, input),
  updateContract: (id: string, change: TUpdateContract) =>
    request<TContract>('PATCH', `/contracts/${id}`, change),
  usage: (id: string, month?: string) =>
    request<TContractUsage>('GET', `/contracts/${id}/usage${month ? `?month=${month}` : ''}`),
  slaPolicies: () => request<{ items: TSlaPolicy[] }>('GET', '/sla-policies'),
  calendars: () => request<{ items: TCalendarView[] }>('GET', '/calendars'),

  audit: (entityType: string, entityId: string) =>
    request<TPage<TAuditEntry>>(
      'GET',
      `/audit?${new URLSearchParams({ entityType, entityId, limit: '50' })}`,
    ),

  preferences: () => request<{ items: TNotificationPreference[] }>('GET', '/me/notification-preferences'),
  savePreferences: (items: TNotificationPreference[]) =>
    request<{ items: TNotificationPreference[] }>('PUT', '/me/notification-preferences', { items }),

  mailSettings: () => request<TMailSettings>('GET', '/mail/settings'),
  saveMailSettings: (change: TUpdateMailSettings) => request<TMailSettings>('PUT', '/mail/settings', change),
  mailboxes: () => request<{ items: TMailbox[] }>('GET', '/mail/mailboxes'),
  createMailbox: (input: Partial<TCreateMailbox>) => request<TMailbox>('POST', '/mail/mailboxes', input),
  updateMailbox: (id: string, change: TUpdateMailbox) =>
    request<TMailbox>('PATCH', `/mail/mailboxes/${id}`, change),
  deleteMailbox: (id: string) => request<void>('DELETE', `/mail/mailboxes/${id}`),
  inbound: (status: string[]) =>
    request<TPage<TInboundMessage>>(
      'GET',
      `/mail/inbound?${new URLSearchParams({ limit: '100', ...(status.length ? { status: status.join(',') } : {}) })}`,
    ),
  inboundMessage: (id: string) => request<TInboundMessageDetail>('GET', `/mail/inbound/${id}`),
  rawUrl: (id: string) => `/api/v1/mail/inbound/${id}/raw`,
  retryInbound: (id: string) => request<TInboundMessage>('POST', `/mail/inbound/${id}/retry`, {}),
  openTriaged: (id: string, input: TOpenTriaged) =>
    request<TInboundMessage>('POST', `/mail/inbound/${id}/open-ticket`, input),
  rejectTriaged: (id: string, reason?: string) =>
    request<TInboundMessage>('POST', `/mail/inbound/${id}/reject`, reason ? { reason } : {}),
  templates: () => request<{ items: TMailTemplate[] }>('GET', '/mail/templates'),
  saveTemplate: (kind: string, locale: string, input: TPutMailTemplate) =>
    request<TMailTemplate>('PUT', `/mail/templates/${enc(kind)}/${enc(locale)}`, input),
  resetTemplate: (kind: string, locale: string) =>
    request<TMailTemplate>('DELETE', `/mail/templates/${enc(kind)}/${enc(locale)}`),
  previewTemplate: (kind: string, locale: string, draft: Partial<TPutMailTemplate>) =>
    request<TMailPreview>('POST', `/mail/templates/${enc(kind)}/${enc(locale)}/preview`, draft),
  outbox: (status: string[]) =>
    request<TPage<TOutboxMail>>(
      'GET',
      `/mail/outbox?${new URLSearchParams({ limit: '100', ...(status.length ? { status: status.join(',') } : {}) })}`,
    ),
  retryOutbox: (id: string) => request<TOutboxMail>('POST', `/mail/outbox/${id}/retry`, {}),
};
