import { useTranslation } from 'react-i18next';
import type { improvementKo } from '../improvements/messages.js';
import type { inspectionKo } from '../inspections/messages.js';
import type { TBaseMessages } from '../locales/ko.js';
import type { teamKo } from './messages.js';

/** The dotted keys of a message tree (`team.handover.title`). */
type TPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${TPaths<T[K]>}`;
}[keyof T & string];

type TMessagesHere = TBaseMessages & {
  team: typeof teamKo;
  improvement: typeof improvementKo;
  inspection: typeof inspectionKo;
};
export type TKey = TPaths<TMessagesHere>;
export type TT = (key: TKey, options?: Record<string, unknown>) => string;

/**
 * `t` for the team, improvement and inspection pages: their keys (loaded lazily, so not in the app's
 * TMessages, whose i18next types grow too deep for the compiler with every area in them) and the
 * shell's, checked by a plain union of dotted paths.
 */
export function useT(): TT {
  const { t } = useTranslation();
  return t as unknown as TT;
}
