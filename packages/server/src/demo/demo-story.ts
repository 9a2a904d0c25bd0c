import type { TPriority } from '@hamkke/core';
import { addBusinessMinutes, addMinutes } from './demo-clock.js';
import { PHRASES } from './demo-phrases.js';
import type { TRandom } from './demo-random.js';
import { DemoTimeline, type TPerson } from './demo-timeline.js';

export type TStoryPlan = {
  ticketId: string;
  createdAt: Date;
  type: string;
  priority: TPriority;
  /** Who opened it: the customer (portal), staff (phone, monitoring) or nobody (mail intake). */
  creatorId: string | null;
  requester: TPerson | null;
  agent: TPerson;
  manager: TPerson;
  /** Staff opened it already assigned (phone, monitoring, inspection), so there is no triage. */
  isPreassigned: boolean;
  isMonitoring: boolean;
  hasVendorCase: boolean;
  cause: string;
  resolution: string;
  /** Fills the placeholders of a phrase with this ticket's values. */
  fill: (text: string) => string;
};

/** Working minutes to resolve, by priority; P1 incidents run on the wall clock, the rest in office hours. */
const WORK: Record<TPriority, [number, number]> = {
  P1: [60, 300],
  P2: [240, 1200],
  P3: [540, 3240],
  P4: [900, 4860],
};
const WORK_FACTOR: Record<string, number> = {
  inquiry: 0.6,
  incident: 1,
  request: 0.8,
  change: 2,
  problem: 4,
  improvement: 5,
  inspection: 0.4,
};
const HEAVY_TYPES = new Set(['change', 'problem', 'improvement']);

const round10 = (minutes: number) => Math.max(10, Math.round(minutes / 10) * 10);

function workClassFor(rng: TRandom, type: string): 'A' | 'B' | 'C' {
  if (type === 'improvement') return rng.chance(0.7) ? 'B' : 'C';
  if (type === 'problem') return rng.chance(0.3) ? 'B' : 'A';
  return rng.chance(0.04) ? 'B' : 'A';
}

/**
 * Plays a ticket through the team's usual flow: triage, first reply, analysis, perhaps a question to
 * the customer or a case at SAP, resolution, and closing by the customer or the team. Returns the
 * timeline as far as it has got by `now`.
 */
export function tellStory(rng: TRandom, plan: TStoryPlan, now: Date): DemoTimeline {
  const { agent, requester, manager } = plan;
  const tl = new DemoTimeline(
    plan.ticketId,
    now,
    plan.createdAt,
    plan.creatorId,
    plan.isPreassigned ? agent.id : null,
  );
  const isWallClock = plan.priority === 'P1' && plan.type === 'incident';
  let t = plan.createdAt;
  const wait = (min: number, max: number): Date => {
    const minutes = rng.int(Math.round(min), Math.max(Math.round(min), Math.round(max)));
    t = isWallClock ? addMinutes(t, minutes) : addBusinessMinutes(t, minutes);
    return t;
  };
  const say = (phrases: readonly string[]) => plan.fill(rng.pick(phrases));
  const workClass = workClassFor(rng, plan.type);
  const timeEntry = (minutes: number, note: string) => ({
    minutes: round10(minutes),
    workClass,
    billable: workClass === 'A' || (workClass === 'B' && rng.chance(0.5)),
    note,
  });
  const [workMin, workMax] = WORK[plan.priority];
  const isHeavy = HEAVY_TYPES.has(plan.type);
  // Some work drags on: a test the customer must run, a CAB slot, a fix that needs a second try.
  const drag = rng.chance(isHeavy ? 0.35 : 0.07) ? rng.int(3, 6) : 1;
  const work = rng.int(workMin, workMax) * (WORK_FACTOR[plan.type] ?? 1) * drag;

  if (!plan.isPreassigned) {
    const triage = plan.priority === 'P1' ? [5, 15] : plan.priority === 'P2' ? [10, 45] : [20, 180];
    const triager = rng.chance(0.6) ? manager : agent;
    if (!tl.move(wait(triage[0]!, triage[1]!), triager.id, 'open', { assignee: agent })) return tl;
  }
  if (requester && rng.chance(0.03)) {
    tl.comment(wait(30, 600), requester.id, say(PHRASES.cancel), 'public');
    tl.move(wait(1, 5), requester.id, 'cancelled');
    return tl;
  }
  if (requester) tl.comment(wait(2, 25), agent.id, say(PHRASES.firstReply), 'public');
  else if (plan.isMonitoring) tl.comment(wait(2, 25), agent.id, say(PHRASES.monitoringNotice), 'public');
  tl.move(wait(1, 30), agent.id, 'in_progress');

  wait(work * 0.1, work * 0.25);
  tl.comment(t, agent.id, plan.cause, 'internal');
  tl.time(
    wait(1, 5),
    agent.id,
    timeEntry(isHeavy ? rng.int(240, 720) : rng.int(60, 240), say(PHRASES.timeAnalysis)),
  );

  if (requester && !plan.isMonitoring && rng.chance(0.3)) {
    tl.comment(wait(10, 60), agent.id, say(PHRASES.askInfo), 'public');
    tl.move(wait(1, 3), agent.id, 'waiting_customer');
    tl.comment(wait(120, 2700), requester.id, say(PHRASES.customerReply), 'public');
    tl.move(wait(0, 1), requester.id, 'in_progress', { reason: 'customer_reply' });
  }
  if (plan.hasVendorCase) {
    tl.comment(wait(30, 120), agent.id, say(PHRASES.vendorOpened), 'internal');
    tl.move(wait(1, 3), agent.id, 'waiting_vendor');
    tl.comment(wait(1080, 4320), agent.id, say(PHRASES.vendorAnswered), 'internal');
    tl.move(wait(5, 60), agent.id, 'in_progress');
  }
  if (requester && rng.chance(0.12)) {
    tl.comment(wait(work * 0.1, work * 0.3), requester.id, say(PHRASES.customerChase), 'public');
    tl.comment(wait(5, 60), agent.id, say(PHRASES.agentChaseAnswer), 'public');
  }
  if (rng.chance(0.3)) tl.comment(wait(30, 240), agent.id, say(PHRASES.internalNote), 'internal');

  wait(work * 0.4, work * 0.7);
  tl.time(t, agent.id, timeEntry(isHeavy ? rng.int(240, 900) : rng.int(30, 180), say(PHRASES.timeFix)));
  const tail = requester ? PHRASES.resolutionTail : '';
  tl.comment(wait(1, 10), agent.id, plan.resolution + tail, 'public');
  tl.move(wait(1, 3), agent.id, 'resolved');

  if (requester && rng.chance(0.05)) {
    tl.comment(wait(60, 1440), requester.id, say(PHRASES.reopen), 'public');
    tl.move(wait(0, 1), requester.id, 'open', { reason: 'customer_reply' });
    tl.move(wait(20, 120), agent.id, 'in_progress');
    tl.time(wait(120, 600), agent.id, timeEntry(rng.int(30, 120), say(PHRASES.timeFix)));
    tl.comment(wait(1, 10), agent.id, PHRASES.reopenFix + tail, 'public');
    tl.move(wait(1, 3), agent.id, 'resolved');
  }

  if (requester && rng.chance(0.55)) {
    tl.comment(wait(30, 1200), requester.id, say(PHRASES.customerThanks), 'public');
    tl.move(wait(1, 10), requester.id, 'closed');
  } else {
    const closer = plan.type === 'inspection' ? manager : agent;
    tl.move(wait(1200, 2700), closer.id, 'closed');
  }
  return tl;
}
