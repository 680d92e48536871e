// The opaque cursor of guest paging: the (createdAt, id) of the last guest of a page, newest first.
// Both engines page by this key, so a cursor means the same on either.

export interface GuestCursor {
  createdAt: number;
  id: string;
}

/** A cursor the store did not issue (tampered or truncated): the API answers 400. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';

  constructor() {
    super('The cursor is not one this service issued');
  }
}

const GUEST_ID = /^[\w-]{1,64}$/;

export const encodeGuestCursor = (cursor: GuestCursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

export function decodeGuestCursor(text: string): GuestCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value;
      // A guest id as randomId makes it: a forged one could carry a NUL, which PostgreSQL refuses (a 500).
      if (Number.isSafeInteger(createdAt) && typeof id === 'string' && GUEST_ID.test(id))
        return { createdAt, id };
    }
  } catch {
    // Not JSON: refused below like any other cursor of the wrong shape.
  }
  throw new InvalidCursorError();
}
