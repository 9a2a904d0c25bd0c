/**
 * What the feature benchmarks (search, dashboards, reports) share: their command-line options and
 * a database of their own on the PostgreSQL server, created fresh and filled by the generator.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import type { TActor } from '../packages/server/src/auth/actor.js';
import { db } from '../packages/server/src/db/current.js';
import { users } from '../packages/server/src/db/schema.js';
import { BENCH_AGENT_EMAIL, generate } from './generate.js';

/** `--name=value` of the command line. */
export const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** A positive number option, or the fallback. */
export const num = (name: string, fallback: number): number => {
  const n = Number(arg(name) ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};

/** `--name` given on the command line. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/**
 * A benchmark's database by name on the server of HAMKKE_BENCH_ADMIN_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres): its address, a way to create it filled with generated
 * tickets (UTF-8, C.UTF-8: full-text search needs Hangul classified as letters), and to drop it.
 */
export function benchDatabase(name: string) {
  const adminUrl = process.env.HAMKKE_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const admin = async (text: string): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const createGenerated = async (tickets: number, organizations: number): Promise<void> => {
    await drop();
    await admin(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    console.log(`generating ${tickets} tickets over ${organizations} organizations`);
    await generate(url, { tickets, organizations, customersPerOrganization: 5, agents: 50 });
  };
  return { url, drop, createGenerated };
}

/** The generated agent (`agent1@bench.hamkke.test`) acting as a manager: who the feature benchmarks call as. */
export async function benchManager(): Promise<TActor> {
  const [agent] = await db.select().from(users).where(eq(users.email, BENCH_AGENT_EMAIL));
  if (!agent) throw new Error('no bench agent in the database: generate it first');
  return {
    userId: agent.id,
    role: 'manager',
    organizationId: null,
    name: agent.name,
    locale: 'ko',
    sourceAddress: null,
    via: 'session',
  };
}
