import type { TSapModule, TTicket } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { iso } from '../http/types.js';
import { presentSla, type TCalendarsByKey } from '../sla/present-sla.js';
import type { TTicketView } from './ticket-view.js';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** The ticket as the actor may see it: internal fields (tags, team, schedule) only for staff. */
export function presentTicket(view: TTicketView, actor: TActor, calendars: TCalendarsByKey): TTicket {
  const t = view.ticket;
  const base: TTicket = {
    id: t.id,
    number: t.number,
    organizationId: t.organizationId,
    organization: view.organization,
    contractId: t.contractId,
    systemId: t.systemId,
    module: t.module as TSapModule | null,
    type: t.type as TTicket['type'],
    title: t.title,
    description: t.description,
    status: t.status as TTicket['status'],
    impact: t.impact as TTicket['impact'],
    urgency: t.urgency as TTicket['urgency'],
    priority: t.priority as TTicket['priority'],
    requester: ref(t.requesterId, view.requesterName),
    assignee: ref(t.assigneeId, view.assigneeName),
    channel: t.channel as TTicket['channel'],
    sapNotes: t.sapNotes,
    transports: t.transports,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    version: t.version,
    sla: presentSla(t, calendars),
  };
  if (!isStaff(actor)) return base;
  return {
    ...base,
    isPriorityManual: t.isPriorityManual,
    tags: t.tags,
    team: t.team,
    plannedStart: iso(t.plannedStart),
    plannedEnd: iso(t.plannedEnd),
  };
}
