import { useCallback, useState } from 'react';
import { ApiError } from '../api.js';
import i18n from '../i18n.js';

/** The API's field errors by path (`errors[].path` of problem+json), and what is left for the form. */
export type TFormErrors = { fields: Record<string, string>; form: string | null };

const NONE: TFormErrors = { fields: {}, form: null };

/**
 * Reads the API's answer to a form: each field error goes next to its field, in the user's language
 * (the server writes them in the caller's language). A rule the server states in its `detail` (a
 * refused placeholder, say) is shown there too, since that text is translated where the row is not.
 */
export function formErrorsOf(error: unknown): TFormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: i18n.t('error.network') };
  const problem = error.problem;
  const rows = problem?.errors ?? [];
  const fields: Record<string, string> = {};
  for (const row of rows) {
    const path = row.path.split('.')[0] ?? '';
    if (!path || fields[path]) continue;
    const isDetailOwn = rows.length === 1 && problem?.detail && !problem.detail.startsWith(`${row.path}: `);
    fields[path] = isDetailOwn ? problem.detail! : row.message;
  }
  const unplaced = rows.filter((r) => !r.path.split('.')[0]);
  const form =
    Object.keys(fields).length === 0 || unplaced.length > 0
      ? (problem?.detail ?? problem?.title ?? error.message)
      : null;
  return { fields, form };
}

/** Form error state: `fail(error)` after a refused save, `clear()` on the next try. */
export function useFormErrors() {
  const [errors, setErrors] = useState<TFormErrors>(NONE);
  const fail = useCallback((error: unknown) => setErrors(formErrorsOf(error)), []);
  const clear = useCallback(() => setErrors(NONE), []);
  /** The message for a field, for Mantine's `error` prop. */
  const of = (path: string): string | undefined => errors.fields[path];
  return { errors, fail, clear, of };
}
