import { useTranslation } from 'react-i18next';

/** The dotted keys of a message tree (`team.handover.title`). */
export type TPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${TPaths<T[K]>}`;
}[keyof T & string];

/** `t` over the keys of one message tree: the shell's and an area's. */
export type TAreaT<TMessages> = (key: TPaths<TMessages>, options?: Record<string, unknown>) => string;

/**
 * `t` for an area whose strings load lazily with its pages, so are not in the app's TMessages (whose
 * i18next types grow too deep for the compiler with every area in them): checked against `TMessages`,
 * the shell's tree with the area's added, as a plain union of dotted paths.
 */
export function useAreaT<TMessages>(): TAreaT<TMessages> {
  const { t } = useTranslation();
  return t as unknown as TAreaT<TMessages>;
}
