import type { Logger } from 'pino';
import type { TConfig } from '../config.js';
import { startImapPoller } from './imap-poller.js';
import { mailInSettingsOf } from './settings.js';
import { startSmtpListener } from './smtp-listener.js';

/**
 * Starts inbound mail in this process: the SMTP listener when HAMKKE_SMTP_LISTEN names an address,
 * and the IMAP poller (unless HAMKKE_IMAP_POLL=false), which also takes up messages left waiting by
 * a restart. Returns the function that stops both.
 */
export async function startMailIn(config: TConfig, logger: Logger): Promise<() => Promise<void>> {
  const settings = mailInSettingsOf(config);
  const listen = config.mailIn.smtpListen;
  if (listen && !['127.0.0.1', '::1', 'localhost'].includes(listen.host))
    logger.warn(
      { host: listen.host },
      'the SMTP listener takes mail without authentication: let only your mail server reach it',
    );
  const listener = listen
    ? await startSmtpListener({ ...listen, maxBytes: config.mailIn.maxBytes, settings, logger })
    : null;
  const stopPoller = config.mailIn.isImapPollOn ? startImapPoller(settings, logger) : null;
  return async () => {
    await listener?.stop();
    await stopPoller?.();
  };
}
