// The database could not be reached (down, restarting, connection lost): the API answers 503 `unavailable`
// with `Retry-After`, because the same request may succeed once the database is back.

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
  }
}

export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError =>
  error instanceof StoreUnavailableError;
