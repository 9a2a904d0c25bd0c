import { Conflict } from '../http/errors.js';

const DUPLICATE = {
  en: 'This organization already has a system with this SID and client',
  ko: '이 고객사에 같은 SID와 클라이언트의 시스템이 이미 있습니다',
};

/** Turns the unique-index violation on (organization, SID, client) into a 409 that names the fields. */
export async function uniqueSystem<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause.code === '23505')
      throw new Conflict(DUPLICATE, [{ path: 'sid', message: DUPLICATE.en, in: 'body' }]);
    throw error;
  }
}
