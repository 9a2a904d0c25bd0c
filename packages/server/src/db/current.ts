import type { TDb } from './database.js';

/**
 * The process's database handle. Server processes are stateless and talk to one database, so use
 * cases import it rather than thread it through every call; `useDatabase` sets it at start.
 */
export let db: TDb;

export function useDatabase(handle: TDb): void {
  db = handle;
}
