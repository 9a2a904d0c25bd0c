import type { TBaseMessages } from '../locales/ko.js';
import { type TAreaT, type TPaths, useAreaT } from '../shell/area-t.js';
import type { reportsKo } from './messages-ko.js';

type TMessagesHere = TBaseMessages & { reports: typeof reportsKo };
export type TReportsKey = TPaths<TMessagesHere>;
export type TReportsT = TAreaT<TMessagesHere>;

/** `t` for the dashboards, reports and meeting pages: their keys and the shell's. */
export const useT = (): TReportsT => useAreaT<TMessagesHere>();
