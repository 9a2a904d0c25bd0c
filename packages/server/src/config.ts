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
  /** Seconds between inspection-schedule sweeps (due occurrences become tickets); 0 turns it off here. */
  inspectionSweepSeconds: number;
  /** Fill missing search documents in the background after start. */
  isSearchBackfillOn: boolean;
  /** Where the built web app lives; served at `/` when present. */
  webDistDir: string;
  /** The address people reach the app at (links in mail, survey links); no trailing slash. */
  publicUrl: string;
  /** Outgoing SMTP server (`smtp://user:pass@host:port`, `smtps://…`); the admin's settings override it. */
  smtpUrl: string | undefined;
  /** Sender (and Reply-To) of outgoing mail; the admin's settings override it. */
  mailFrom: string | undefined;
  /** The domain of Hamkke's own Message-IDs (and of the addresses inbound mail is accepted for). */
  mailDomain: string;
  /** Milliseconds between outbox passes of this process; 0 turns the mail worker off here. */
  mailPollMs: number;
  /** Back-off of a mail the SMTP server did not take: base doubling per attempt, capped, with jitter. */
  mailRetryBaseMs: number;
  mailRetryCapMs: number;
  /** A mail still unsent after this many hours is given up (`failed`), not delivered late. */
  mailGiveUpHours: number;
  /** Inbound mail (mail-in/): the SMTP listener and the IMAP poller; the domain is `mailDomain`. */
  mailIn: TMailInConfig;
};

export type TMailInConfig = {
  /** `HAMKKE_SMTP_LISTEN=host:port` turns the SMTP listener on; null leaves it off. */
  smtpListen: { host: string; port: number } | null;
  /** Largest accepted message, in bytes (the SMTP SIZE limit). */
  maxBytes: number;
  /** Messages per sender per hour that are processed; the rest are stored and held. */
  ratePerHour: number;
  /** Client addresses besides loopback the SMTP listener takes mail from (it has no AUTH). */
  smtpAllowFrom: string[];
  /** What the SMTP listener does with mail from an address no user has. */
  unknownSender: 'triage' | 'reject';
  /** Poll the active IMAP mailboxes in this process. */
  isImapPollOn: boolean;
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
    inspectionSweepSeconds: intFrom(
      env.HAMKKE_INSPECTION_SWEEP_SECONDS,
      60,
      'HAMKKE_INSPECTION_SWEEP_SECONDS',
    ),
    webDistDir: path.resolve(env.HAMKKE_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    publicUrl: publicUrlFrom(env.HAMKKE_PUBLIC_URL, host, port),
    smtpUrl: smtpUrlFrom(env.HAMKKE_SMTP_URL),
    mailFrom: env.HAMKKE_MAIL_FROM || undefined,
    mailDomain:
      env.HAMKKE_MAIL_DOMAIN || env.HAMKKE_MAIL_FROM?.split('@')[1]?.replace(/>.*$/, '') || 'localhost',
    mailPollMs: intFrom(env.HAMKKE_MAIL_POLL_MS, 1000, 'HAMKKE_MAIL_POLL_MS'),
    mailRetryBaseMs: intFrom(env.HAMKKE_MAIL_RETRY_BASE_MS, 30_000, 'HAMKKE_MAIL_RETRY_BASE_MS'),
    mailRetryCapMs: intFrom(env.HAMKKE_MAIL_RETRY_CAP_MS, 30 * 60_000, 'HAMKKE_MAIL_RETRY_CAP_MS'),
    mailGiveUpHours: intFrom(env.HAMKKE_MAIL_GIVE_UP_HOURS, 48, 'HAMKKE_MAIL_GIVE_UP_HOURS'),
    mailIn: mailInFrom(env),
  };
}

function mailInFrom(env: NodeJS.ProcessEnv): TMailInConfig {
  const listen = env.HAMKKE_SMTP_LISTEN;
  let smtpListen: TMailInConfig['smtpListen'] = null;
  if (listen) {
    const match = /^(.+):(\d{1,5})$/.exec(listen);
    const listenPort = match ? Number(match[2]) : Number.NaN;
    if (!match || listenPort > 65535)
      throw new Error(`HAMKKE_SMTP_LISTEN must be host:port, e.g. 127.0.0.1:2525, got "${listen}"`);
    smtpListen = { host: match[1]!.replace(/^\[|\]$/g, ''), port: listenPort };
  }
  const unknownSender = env.HAMKKE_MAIL_UNKNOWN_SENDER || 'triage';
  if (unknownSender !== 'triage' && unknownSender !== 'reject')
    throw new Error(`HAMKKE_MAIL_UNKNOWN_SENDER must be triage or reject, got "${unknownSender}"`);
  return {
    smtpListen,
    maxBytes: intFrom(env.HAMKKE_MAIL_MAX_MB, 25, 'HAMKKE_MAIL_MAX_MB') * 1024 * 1024,
    ratePerHour: intFrom(env.HAMKKE_MAIL_RATE_PER_HOUR, 30, 'HAMKKE_MAIL_RATE_PER_HOUR'),
    smtpAllowFrom: (env.HAMKKE_SMTP_ALLOW_FROM ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    unknownSender,
    isImapPollOn: env.HAMKKE_IMAP_POLL !== 'false',
  };
}

function publicUrlFrom(value: string | undefined, host: string, port: number): string {
  if (!value) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`HAMKKE_PUBLIC_URL must be an http(s) address, got "${value}"`);
  return value.replace(/\/+$/, '');
}

function smtpUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^smtps?:$/.test(new URL(value).protocol))
    // The value is not echoed: it may carry a password.
    throw new Error('HAMKKE_SMTP_URL must be smtp://host:port or smtps://host:port');
  return value;
}
