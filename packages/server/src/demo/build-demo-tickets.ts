import { randomUUID } from 'node:crypto';
import { priorityOf, type TLevel } from '@hamkke/core';
import type { comments, ticketEvents, tickets, timeEntries } from '../db/schema.js';
import {
  addBusinessMinutes,
  addDays,
  addMinutes,
  isBusinessDay,
  kstDayOfMonth,
  kstMidnight,
} from './demo-clock.js';
import { SAP_COMPONENTS } from './demo-phrases.js';
import type { TRandom } from './demo-random.js';
import {
  fillWith,
  randomFor,
  type TDemoOrgRef,
  type TDemoStaffRef,
  TEAM_OF,
  type TPlanned,
  WINDOW_DAYS,
} from './demo-refs.js';
import { tellStory } from './demo-story.js';
import { BUSINESS_TEMPLATES, type TTicketTemplate } from './demo-templates-business.js';
import { OPERATIONS_TEMPLATES } from './demo-templates-operations.js';
import { TECHNICAL_TEMPLATES } from './demo-templates-technical.js';
import type { TPerson } from './demo-timeline.js';
import { planInspections, type TDemoChecklist } from './plan-inspections.js';

export type TDemoTicketRows = {
  tickets: (typeof tickets.$inferInsert)[];
  comments: (typeof comments.$inferInsert)[];
  timeEntries: (typeof timeEntries.$inferInsert)[];
  events: (typeof ticketEvents.$inferInsert)[];
  /** The last number handed out per organization id. */
  ticketSeq: Map<string, number>;
  /** The checklists of the inspection tickets (inserted after the tickets: demo/load-demo.ts). */
  checklists: TDemoChecklist[];
};

/** How many tickets the demo draws from the templates; periodic inspections come on top. */
export const DEMO_TICKET_COUNT = 340;
const TEMPLATES = [...BUSINESS_TEMPLATES, ...OPERATIONS_TEMPLATES, ...TECHNICAL_TEMPLATES];
const EVERYWHERE = new Set(['BC', 'ABAP']);
/** Questions outnumber everything else in AMS work. */
const TYPE_FACTOR: Record<string, number> = { inquiry: 2, incident: 1 };

function pickCreatedAt(rng: TRandom, template: TTicketTemplate, now: Date, monthEndDays: Date[]): Date {
  const today = kstMidnight(now);
  let day = addDays(today, -rng.int(0, WINDOW_DAYS));
  if (template.isMonthEnd && monthEndDays.length > 0) day = rng.pick(monthEndDays);
  else {
    for (let attempt = 0; attempt < 6 && !isBusinessDay(day) && !rng.chance(0.05); attempt++)
      day = addDays(today, -rng.int(0, WINDOW_DAYS));
  }
  const minute = template.isMonitoring ? rng.int(390, 530) : rng.int(520, 1100);
  const at = addMinutes(day, minute);
  return at.getTime() < now.getTime() - 5 * 60_000 ? at : addMinutes(now, -rng.int(5, 240));
}

function pickAgent(
  rng: TRandom,
  staff: TDemoStaffRef,
  module: string,
): TPerson & { modules: readonly string[] } {
  const covering = staff.agents.filter((a) => a.modules.includes(module));
  return covering.length > 0 && rng.chance(0.9) ? rng.pick(covering) : rng.pick(staff.agents);
}

function systemFor(rng: TRandom, org: TDemoOrgRef, template: TTicketTemplate): string {
  if (template.module === 'BW' && org.systemIds.BW) return org.systemIds.BW;
  if (template.module === 'BTP' && org.systemIds.BTP) return org.systemIds.BTP;
  const isTestable = template.type === 'inquiry' || template.type === 'request';
  return isTestable && rng.chance(0.12) ? org.systemIds.QAS : org.systemIds.PRD;
}

/** The values a ticket's texts talk about: its documents, transports, notes. */
function valuesFor(rng: TRandom, org: TDemoOrgRef, createdAt: Date, module: string): Record<string, string> {
  const local = addMinutes(createdAt, 9 * 60);
  const dayOfMonth = kstDayOfMonth(createdAt);
  // Closing work early in a month is about the month before.
  const month = ((local.getUTCMonth() + (dayOfMonth <= 5 ? 11 : 0)) % 12) + 1;
  return {
    bukrs: org.companyCode,
    plant: rng.pick(org.plants),
    vendor: String(rng.int(100100, 100999)),
    customer: String(rng.int(200100, 200999)),
    doc: String(rng.int(5100000000, 5100099999)),
    po: String(rng.int(4500010000, 4500099999)),
    so: String(rng.int(10010000, 10099999)),
    material: `${rng.pick(['RM', 'SF', 'FG'])}-${rng.int(10000, 39999)}`,
    kostl: `${org.companyCode.slice(0, 1)}${rng.int(1000, 1999)}0`,
    tr: `${org.devSid}K9${String(rng.int(100, 2999)).padStart(5, '0')}`,
    note: String(rng.int(3300000, 3650000)),
    n: String(rng.int(2, 15)),
    pct: String(rng.int(55, 82)),
    month: `${month}월`,
    component: SAP_COMPONENTS[module] ?? module,
  };
}

function planTicket(
  index: number,
  orgs: TDemoOrgRef[],
  staff: TDemoStaffRef,
  now: Date,
  monthEndDays: Date[],
): TPlanned {
  const rng = randomFor(index);
  const org = rng.weighted(orgs.map((o) => [o, o.monthlyHours] as const));
  const available = TEMPLATES.filter((t) => EVERYWHERE.has(t.module) || org.modules.has(t.module));
  const template = rng.weighted(
    available.map((t) => [t, (t.weight ?? 2) * (TYPE_FACTOR[t.type] ?? 1)] as const),
  );
  const createdAt = pickCreatedAt(rng, template, now, monthEndDays);
  const values = valuesFor(rng, org, createdAt, template.module);
  const fill = fillWith(values);
  const impact = rng.pick<TLevel>(template.impact ?? ['medium', 'medium', 'low']);
  const urgency = rng.pick<TLevel>(template.urgency ?? ['medium', 'high', 'low']);
  const priority = priorityOf(impact, urgency);
  const agent = pickAgent(rng, staff, template.module);
  values.agent = agent.name;

  const isInternal = template.isMonitoring || template.type === 'problem' || template.type === 'improvement';
  const customer = isInternal ? null : rng.pick(org.customers);
  const channel = isInternal
    ? 'internal'
    : rng.weighted([
        ['portal', 55],
        ['email', 30],
        ['phone', 15],
      ] as const);
  values.requester = customer?.name ?? '';
  const creatorId = channel === 'portal' ? customer!.id : channel === 'email' ? null : agent.id;
  const [dept, position] = customer
    ? [customer.title.replace(/ \S+$/, ''), customer.title.split(' ').at(-1)]
    : [];
  const greeting = customer ? `안녕하세요. ${org.name} ${dept} ${customer.name} ${position}입니다.\n\n` : '';
  const description = `${greeting}${fill(template.description)}${customer ? '\n\n감사합니다.' : ''}`;
  const hasVendorCase = (template.type === 'incident' || template.type === 'problem') && rng.chance(0.06);
  const isPlanned = template.type === 'change' || template.type === 'improvement';
  const plannedStart = isPlanned ? addBusinessMinutes(createdAt, 540 * rng.int(1, 3)) : null;

  const ticketId = randomUUID();
  const timeline = tellStory(
    rng,
    {
      ticketId,
      createdAt,
      type: template.type,
      priority,
      creatorId,
      requester: customer,
      agent,
      manager: staff.manager,
      isPreassigned: channel === 'phone' || channel === 'internal',
      isMonitoring: Boolean(template.isMonitoring),
      hasVendorCase,
      cause: fill(template.cause),
      resolution: fill(template.resolution),
      fill,
    },
    now,
  );
  const row: typeof tickets.$inferInsert = {
    id: ticketId,
    number: '',
    organizationId: org.id,
    contractId: org.contractId,
    systemId: systemFor(rng, org, template),
    module: template.module,
    type: template.type,
    title: fill(template.title),
    description,
    impact,
    urgency,
    priority,
    requesterId: customer?.id ?? null,
    team: TEAM_OF[template.module] ?? 'SCM',
    channel,
    tags: [...(template.tags ?? []), ...(priority === 'P1' ? ['긴급'] : [])],
    sapNotes: template.hasNote || hasVendorCase ? [values.note!] : [],
    transports: template.hasTransport ? [values.tr!] : [],
    plannedStart,
    plannedEnd: plannedStart ? addBusinessMinutes(plannedStart, 540 * rng.int(1, 5)) : null,
  };
  return { orgId: org.id, row, timeline };
}

/**
 * Builds the demo tickets with their timelines, numbered per organization in creation order.
 * Deterministic for a given day: ids aside, the same `now` gives the same data.
 */
export function buildDemoTickets(orgs: TDemoOrgRef[], staff: TDemoStaffRef, now: Date): TDemoTicketRows {
  const monthEndDays: Date[] = [];
  for (let d = 0; d <= WINDOW_DAYS; d++) {
    const day = addDays(kstMidnight(now), -d);
    const dom = kstDayOfMonth(day);
    if (isBusinessDay(day) && (dom >= 26 || dom <= 3)) monthEndDays.push(day);
  }
  const inspections = planInspections(orgs, staff, now);
  const planned = Array.from({ length: DEMO_TICKET_COUNT }, (_, i) =>
    planTicket(i, orgs, staff, now, monthEndDays),
  ).concat(inspections.planned);
  planned.sort((a, b) => a.timeline.createdAt.getTime() - b.timeline.createdAt.getTime());

  const codes = new Map(orgs.map((o) => [o.id, o.code]));
  const ticketSeq = new Map<string, number>();
  const rows: TDemoTicketRows = {
    tickets: [],
    comments: [],
    timeEntries: [],
    events: [],
    ticketSeq,
    checklists: inspections.checklists,
  };
  for (const { orgId, row, timeline } of planned) {
    const seq = (ticketSeq.get(orgId) ?? 0) + 1;
    ticketSeq.set(orgId, seq);
    rows.tickets.push({
      ...row,
      number: `${codes.get(orgId)}-${String(seq).padStart(6, '0')}`,
      status: timeline.status,
      assigneeId: timeline.assigneeId,
      createdAt: timeline.createdAt,
      updatedAt: timeline.updatedAt,
      resolvedAt: timeline.resolvedAt,
      closedAt: timeline.closedAt,
      version: timeline.version,
    });
    rows.comments.push(...timeline.comments);
    rows.timeEntries.push(...timeline.timeEntries);
    rows.events.push(...timeline.events);
  }
  // The timeline is read in id order: insert events in the order they happened.
  rows.events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  return rows;
}
