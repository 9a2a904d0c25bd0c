import { tokenize } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import { db } from '../db/current.js';
import { organizations, systems, users } from '../db/schema.js';

/**
 * Organizations, systems and users as search and the pickers read them: a few hundred to a few
 * thousand rows, held in this process with their tokens precomputed, and reloaded when a
 * fingerprint of the three tables (row count and the sum of `updated_at`) changes, which one cheap
 * query checks on every use — so every write, by any process, is seen by the next search.
 */
export type TDirOrganization = {
  id: string;
  name: string;
  code: string;
  specialNotes: string;
  isActive: boolean;
  nameTokens: Set<string>;
  /** Name and code: what a customer may search. */
  publicTokens: Set<string>;
  /** Plus the special notes: staff only. */
  staffTokens: Set<string>;
};
export type TDirSystem = {
  id: string;
  organizationId: string;
  organizationName: string;
  sid: string;
  client: string | null;
  tier: string;
  product: string;
  release: string;
  description: string;
  modules: string[];
  isActive: boolean;
  titleTokens: Set<string>;
  tokens: Set<string>;
};
export type TDirUser = {
  id: string;
  name: string;
  email: string;
  role: string;
  organizationId: string | null;
  isActive: boolean;
};
export type TDirectory = {
  organizations: TDirOrganization[];
  systems: TDirSystem[];
  users: TDirUser[];
  /** Every token of organizations and systems, so typo tolerance does not "correct" a known word. */
  words: Set<string>;
};

let cached: { fingerprint: string; directory: TDirectory } | null = null;
let loading: Promise<TDirectory> | null = null;

const tokensOf = (...texts: string[]) => new Set(texts.flatMap((t) => tokenize(t)));

async function fingerprint(): Promise<string> {
  const part = (table: typeof organizations | typeof systems | typeof users) =>
    sql`(SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM ${table.updatedAt})), 0) FROM ${table})`;
  const { rows } = await db.execute<{ f: string }>(
    sql`SELECT ${part(organizations)} || '/' || ${part(systems)} || '/' || ${part(users)} AS f`,
  );
  return rows[0]!.f;
}

async function load(): Promise<TDirectory> {
  const [orgRows, systemRows, userRows] = await Promise.all([
    db.select().from(organizations),
    db.select().from(systems),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        organizationId: users.organizationId,
        isActive: users.isActive,
      })
      .from(users),
  ]);
  const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
  const orgs = orgRows.map((o) => {
    const publicTokens = tokensOf(o.name, o.code);
    return {
      id: o.id,
      name: o.name,
      code: o.code,
      specialNotes: o.specialNotes,
      isActive: o.isActive,
      nameTokens: tokensOf(o.name),
      publicTokens,
      staffTokens: new Set([...publicTokens, ...tokenize(o.specialNotes)]),
    };
  });
  const syss = systemRows.map((s) => ({
    id: s.id,
    organizationId: s.organizationId,
    organizationName: orgName.get(s.organizationId) ?? '',
    sid: s.sid,
    client: s.client,
    tier: s.tier,
    product: s.product,
    release: s.release,
    description: s.description,
    modules: s.modules,
    isActive: s.isActive,
    titleTokens: tokensOf(s.sid, s.product),
    tokens: tokensOf(
      s.sid,
      s.client ?? '',
      s.tier,
      s.product,
      s.release,
      s.solution,
      s.description,
      ...s.modules,
    ),
  }));
  const people = userRows;
  const words = new Set<string>();
  for (const o of orgs) for (const t of o.staffTokens) words.add(t);
  for (const s of syss) for (const t of s.tokens) words.add(t);
  return { organizations: orgs, systems: syss, users: people, words };
}

/** The directory as the database holds it now (reloaded only when something changed). */
export async function currentDirectory(): Promise<TDirectory> {
  const now = await fingerprint();
  if (cached?.fingerprint === now) return cached.directory;
  loading ??= load().finally(() => {
    loading = null;
  });
  const directory = await loading;
  cached = { fingerprint: now, directory };
  return directory;
}
