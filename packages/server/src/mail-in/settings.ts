import type { TConfig } from '../config.js';

/** What processing a message needs of the configuration, passed explicitly to each use case. */
export type TMailInSettings = {
  mailDomain: string;
  ratePerHour: number;
  /** The SMTP listener's unknown-sender policy (an IMAP mailbox carries its own). */
  unknownSender: 'triage' | 'reject';
  dataDir: string;
  maxAttachmentBytes: number;
};

export function mailInSettingsOf(config: TConfig): TMailInSettings {
  return {
    mailDomain: config.mailDomain,
    ratePerHour: config.mailIn.ratePerHour,
    unknownSender: config.mailIn.unknownSender,
    dataDir: config.dataDir,
    maxAttachmentBytes: Math.max(config.maxUploadBytes, config.mailIn.maxBytes),
  };
}
