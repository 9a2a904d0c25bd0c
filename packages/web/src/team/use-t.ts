import type { improvementKo } from '../improvements/messages.js';
import type { inspectionKo } from '../inspections/messages.js';
import type { TBaseMessages } from '../locales/ko.js';
import { type TAreaT, type TPaths, useAreaT } from '../shell/area-t.js';
import type { teamKo } from './messages.js';

type TMessagesHere = TBaseMessages & {
  team: typeof teamKo;
  improvement: typeof improvementKo;
  inspection: typeof inspectionKo;
};
export type TKey = TPaths<TMessagesHere>;
export type TT = TAreaT<TMessagesHere>;

/** `t` for the team, improvement and inspection pages: their keys and the shell's. */
export const useT = (): TT => useAreaT<TMessagesHere>();
