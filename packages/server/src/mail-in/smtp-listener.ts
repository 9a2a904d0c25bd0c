import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { processInbound } from './process-inbound.js';
import type { TMailInSettings } from './settings.js';
import { storeInbound } from './store-inbound.js';

export type TSmtpListener = { port: number; stop: () => Promise<void>; idle: () => Promise<void> };

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/** Loopback always; other clients only when listed (IPv4 also as IPv4-mapped IPv6). */
export function isAllowed(remoteAddress: string, allowFrom: string[]): boolean {
  const address = remoteAddress.replace(/^::ffff:(?=\d+\.)/, '');
  return LOOPBACK.test(remoteAddress) || allowFrom.includes(address) || allowFrom.includes(remoteAddress);
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * The SMTP listener a mail server forwards to. It takes mail for any address of the mail domain
 * (others: 550), up to the size limit (SIZE; larger: 552), stores each message raw and only then
 * answers 250; processing follows after the answer. No AUTH and no STARTTLS: it takes mail from
 * loopback and from the relays named in `allowFrom` only, behind the organization's own mail server
 * (docs/mail-in.md).
 */
export async function startSmtpListener(opts: {
  host: string;
  port: number;
  maxBytes: number;
  /** Client addresses besides loopback that may connect; everyone else is refused (554). */
  allowFrom?: string[];
  settings: TMailInSettings;
  logger: Logger;
}): Promise<TSmtpListener> {
  const domain = opts.settings.mailDomain.toLowerCase();
  const working = new Set<Promise<unknown>>();
  const server = new SMTPServer({
    name: domain,
    banner: 'Hamkke ITSM',
    size: opts.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // A reverse lookup of each client would only delay the answer (and hang where DNS is absent).
    disableReverseLookup: true,
    onConnect(session, callback) {
      if (isAllowed(session.remoteAddress, opts.allowFrom ?? [])) return callback();
      opts.logger.warn(
        { remoteAddress: session.remoteAddress },
        'SMTP client refused: not in HAMKKE_SMTP_ALLOW_FROM',
      );
      callback(smtpError(554, '5.7.1 This server takes mail only from its configured relays'));
    },
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@');
      const rcptDomain = at >= 0 ? address.address.slice(at + 1).toLowerCase() : '';
      if (rcptDomain !== domain)
        return callback(smtpError(550, `5.1.1 <${address.address}>: not a mailbox of ${domain}`));
      callback();
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded)
            return callback(
              smtpError(552, `5.3.4 Message larger than ${Math.round(opts.maxBytes / 1048576)} MB`),
            );
          const mailFrom = session.envelope.mailFrom;
          const id = await storeInbound({
            source: 'smtp',
            raw,
            envelopeFrom: mailFrom === false ? null : mailFrom.address,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress,
          });
          callback(null, `2.0.0 Stored as ${id}`);
          // Processed after the answer: the message is safe, whatever processing does with it.
          const job = processInbound(id!, opts.settings)
            .catch((error: unknown) =>
              opts.logger.error({ err: error, id }, 'inbound mail processing failed'),
            )
            .finally(() => working.delete(job));
          working.add(job);
        })
        .catch((error: unknown) => {
          opts.logger.error({ err: error }, 'inbound mail could not be stored');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
  });
  server.on('error', (error) => opts.logger.error({ err: error }, 'SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  opts.logger.info({ host: opts.host, port, domain }, 'SMTP listener for inbound mail');
  const idle = async () => {
    while (working.size) await Promise.allSettled([...working]);
  };
  return {
    port,
    idle,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await idle();
    },
  };
}
