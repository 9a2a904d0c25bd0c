// The domain's fixed lists, free of zod, so that the web app can import them (via @hamkke/core/domain)
// without pulling every schema into its bundle. The contracts build their enums on these.

/** The SAP modules a ticket, a system or a skill is about. */
export const SAP_MODULES = [
  'FI',
  'CO',
  'SD',
  'MM',
  'PP',
  'QM',
  'PM',
  'PS',
  'HCM',
  'WM',
  'EWM',
  'LE',
  'TR',
  'FSCM',
  'BC',
  'ABAP',
  'BW',
  'BTP',
  'GRC',
  'CRM',
  'SRM',
  'PI',
  'FIORI',
] as const;

/** What a ticket is. */
export const TICKET_TYPES = [
  'inquiry',
  'incident',
  'request',
  'problem',
  'change',
  'inspection',
  'improvement',
] as const;
