import path from 'node:path';

export type TConfig = {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** Largest accepted JSON body, in bytes. */
  bodyLimitBytes: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Seconds between SLA sweeps; 0 turns the sweep off in this process. */
  slaSweepSeconds: number;
  /** Fill missing search documents in the background after start. */
  isSearchBackfillOn: boolean;
  /** Where the built web app lives; served at `/` when present. */
  webDistDir: string;
  /** The address people reach the app at (links in mail, survey links); no trailing slash. */
  publicUrl: string;
};

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Reads the configuration from the environment; an invalid value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const dataDir = path.resolve(env.HAMKKE_DATA_DIR ?? 'data');
  const host = env.HOST ?? '127.0.0.1';
  const port = intFrom(env.PORT, 3000, 'PORT');
  return {
    host,
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.HAMKKE_ADMIN_EMAIL || undefined,
    adminPassword: env.HAMKKE_ADMIN_PASSWORD || undefined,
    maxUploadBytes: intFrom(env.HAMKKE_MAX_UPLOAD_MB, 25, 'HAMKKE_MAX_UPLOAD_MB') * 1024 * 1024,
    bodyLimitBytes: 1024 * 1024,
    cookieSecure: env.HAMKKE_COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    isSearchBackfillOn: env.HAMKKE_SEARCH_BACKFILL !== 'false',
    slaSweepSeconds: intFrom(env.HAMKKE_SLA_SWEEP_SECONDS, 15, 'HAMKKE_SLA_SWEEP_SECONDS'),
    webDistDir: path.resolve(env.HAMKKE_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    publicUrl: publicUrlFrom(env.HAMKKE_PUBLIC_URL, host, port),
  };
}

function publicUrlFrom(value: string | undefined, host: string, port: number): string {
  if (!value) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`HAMKKE_PUBLIC_URL must be an http(s) address, got "${value}"`);
  return value.replace(/\/+$/, '');
}
