import type { tickets } from '../db/schema.js';
import { createRandom } from './demo-random.js';
import type { DemoTimeline, TPerson } from './demo-timeline.js';

/** An organization as loaded, with the ids its tickets refer to. */
export type TDemoOrgRef = {
  id: string;
  code: string;
  name: string;
  companyCode: string;
  plants: string[];
  contractId: string;
  monthlyHours: number;
  inspectionCadence: 'none' | 'monthly' | 'quarterly';
  modules: Set<string>;
  devSid: string;
  prdSid: string;
  /** System ids: the ERP landscape by tier, and the BW and BTP systems where the customer has them. */
  systemIds: { DEV: string; QAS: string; PRD: string; BW?: string; BTP?: string };
  customers: (TPerson & { title: string })[];
};
export type TDemoStaffRef = { manager: TPerson; agents: (TPerson & { modules: readonly string[] })[] };

/** The demo's tickets lie within this many days before now. */
export const WINDOW_DAYS = 120;
const SEED = 0x48414d4b;

/** The team that takes a module's work; modules not named here go to SCM. */
export const TEAM_OF: Record<string, string> = {
  FI: 'FI/CO',
  CO: 'FI/CO',
  PS: 'FI/CO',
  HCM: 'BW/HCM',
  BW: 'BW/HCM',
  BC: 'Basis/개발',
  ABAP: 'Basis/개발',
  BTP: 'Basis/개발',
  FIORI: 'Basis/개발',
};

/** Each ticket draws from its own stream, so one ticket's story never shifts another's. */
export const randomFor = (index: number) => createRandom((SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);

/** A ticket row still without its number, and its timeline. */
export type TPlanned = { orgId: string; row: typeof tickets.$inferInsert; timeline: DemoTimeline };

/** Fills `{name}` placeholders from the values; an unknown one stays as written. */
export const fillWith = (values: Record<string, string>) => (text: string) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
