// The guest history as CSV (RFC 4180): UTF-8 with a byte-order mark (so spreadsheet programs read it as
// UTF-8), CRLF line ends, quoting where needed, and cells that a spreadsheet would run as a formula
// neutralised with a leading apostrophe (OWASP's advice against CSV injection). Only text that people typed is
// neutralised: ids are ours, base64url, and one in 64 begins with '-', which an apostrophe would corrupt.
import type { GuestPage } from './store/contract.ts';
import { type HostGuestView, hostGuestView } from './views.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell: neutralised (unless `typed` is false) if a spreadsheet would read it as a formula, quoted if it holds
 * a quote, comma or line break.
 */
export function csvCell(value: string | number | null, typed = true): string {
  let text = value === null ? '' : String(value);
  if (typed && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The columns, in order, with the view field each shows (times as ISO 8601 UTC) and whether people typed it. */
const COLUMNS = [
  ['id', 'id', false],
  ['name', 'name', true],
  ['email', 'email', true],
  ['status', 'status', false],
  ['link_id', 'linkId', false],
  ['link_name', 'linkName', true],
  ['created_at', 'createdAt', false],
  ['admitted_at', 'admittedAt', false],
  ['decided_at', 'decidedAt', false],
  ['decided_by', 'decidedBy', true],
  ['left_at', 'leftAt', false],
  ['knocks', 'knocks', false],
  ['erased_at', 'erasedAt', false],
] as const satisfies ReadonlyArray<readonly [string, keyof HostGuestView, boolean]>;

export const GUEST_CSV_HEADER = `\uFEFF${COLUMNS.map(([column]) => column).join(',')}\r\n`;

export const guestCsvLines = (page: GuestPage) =>
  page.guests
    .map(hostGuestView)
    .map(
      (guest) =>
        `${COLUMNS.map(([, field, typed]) => csvCell(guest[field] as string | number | null, typed)).join(',')}\r\n`,
    )
    .join('');

/**
 * The whole history from `first` on, a page at a time as the client reads it: memory stays one page however
 * long the history, and a client that goes away stops the reading.
 */
export function guestCsvStream(
  first: GuestPage,
  nextPage: (cursor: string) => Promise<GuestPage>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = first.nextCursor;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(GUEST_CSV_HEADER + guestCsvLines(first)));
      if (!cursor) controller.close();
    },
    async pull(controller) {
      if (!cursor) return;
      const page = await nextPage(cursor);
      controller.enqueue(encoder.encode(guestCsvLines(page)));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}
