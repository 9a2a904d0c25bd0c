import { useTranslation } from 'react-i18next';
import type { TBaseMessages } from '../locales/ko.js';
import type { reportsKo } from './messages-ko.js';

/** The dotted keys of a message tree (`reports.dash.title`). */
type TPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${TPaths<T[K]>}`;
}[keyof T & string];

export type TReportsKey = TPaths<TBaseMessages & { reports: typeof reportsKo }>;
export type TReportsT = (key: TReportsKey, options?: Record<string, unknown>) => string;

/**
 * `t` for the dashboards, reports and meeting pages: their keys (loaded lazily, so not in the app's
 * TMessages, whose i18next types grow too deep for the compiler with every area in them) and the shell's.
 */
export function useT(): TReportsT {
  const { t } = useTranslation();
  return t as unknown as TReportsT;
}
