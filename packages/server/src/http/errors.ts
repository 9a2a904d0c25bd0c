/** A field-level complaint, as it appears in `errors` of a problem response. */
export type TFieldError = { path: string; message: string; in?: string };

/** A message for a person, in both of the app's languages. */
export type TText = string | { en: string; ko: string };

export function textIn(text: TText, locale: 'ko' | 'en'): string {
  return typeof text === 'string' ? text : text[locale];
}

/** Base of the typed errors a use case throws; the HTTP layer turns each into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly text: TText,
    readonly errors: TFieldError[] = [],
  ) {
    super(typeof text === 'string' ? text : text.en);
  }
}

export class NotFound extends AppError {
  constructor(what: TText = { en: 'resource', ko: '대상' }) {
    const en = typeof what === 'string' ? what : what.en;
    const ko = typeof what === 'string' ? what : what.ko;
    super(404, 'not_found', { en: `The ${en} was not found`, ko: `${ko}을(를) 찾을 수 없습니다` });
  }
}

export class Forbidden extends AppError {
  constructor(message: TText = { en: 'You may not do this', ko: '이 작업을 할 권한이 없습니다' }) {
    super(403, 'forbidden', message);
  }
}

export class Unauthorized extends AppError {
  constructor(message: TText = { en: 'Sign in first', ko: '먼저 로그인하세요' }) {
    super(401, 'unauthorized', message);
  }
}

export class Conflict extends AppError {
  constructor(message: TText, errors: TFieldError[] = []) {
    super(409, 'conflict', message, errors);
  }
}

/** A request that is well-formed but breaks a business rule: names the field and the rule. */
export class Invalid extends AppError {
  constructor(path: string, message: { en: string; ko: string }, part: 'body' | 'query' | 'path' = 'body') {
    super(422, 'invalid', message, [{ path, message: message.en, in: part }]);
  }
}

/** Runs a write and turns a unique-index violation (23505) into the given conflict. */
export async function uniqueOr<T>(write: () => Promise<T>, conflict: () => Conflict): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause.code === '23505') throw conflict();
    throw error;
  }
}

export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_requests', {
      en: `Too many attempts; try again in ${retryAfterSeconds} seconds`,
      ko: `시도가 너무 많습니다. ${retryAfterSeconds}초 후에 다시 시도하세요`,
    });
  }
}
