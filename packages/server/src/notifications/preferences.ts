import {
  CUSTOMER_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  type TNotificationKind,
  type TNotificationPreference,
  type TRole,
} from '@hamkke/core';

/**
 * What a person gets when they have not chosen: every kind in the app and by mail, except the
 * receipt of a ticket, which is mail only (the person who opened it already sees it in the app).
 */
export const DEFAULT_PREFERENCES: Record<TNotificationKind, { inApp: boolean; email: boolean }> = {
  ticket_received: { inApp: false, email: true },
  public_reply: { inApp: true, email: true },
  ticket_resolved: { inApp: true, email: true },
  mention: { inApp: true, email: true },
  sla_at_risk: { inApp: true, email: true },
  sla_breached: { inApp: true, email: true },
  contract_hours: { inApp: true, email: true },
  monthly_report: { inApp: true, email: true },
};

export const isMailKind = (kind: string): kind is TNotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** The kinds a person of `role` can receive: customers only those about their own requests. */
export function kindsFor(role: TRole): readonly TNotificationKind[] {
  return role === 'customer' ? CUSTOMER_NOTIFICATION_KINDS : NOTIFICATION_KINDS;
}

/** The choice in force for one kind: the stored row, else the default. */
export function preferenceOf(
  kind: TNotificationKind,
  stored: { inApp: boolean; email: boolean } | null | undefined,
): TNotificationPreference {
  return { kind, ...(stored ? { inApp: stored.inApp, email: stored.email } : DEFAULT_PREFERENCES[kind]) };
}
