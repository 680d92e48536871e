// The guest history as CSV (RFC 4180): UTF-8 with a byte-order mark (so spreadsheet programs read it as
// UTF-8), CRLF line ends, quoting where needed, and cells that a spreadsheet would run as a formula
// neutralised with a leading apostrophe (OWASP's advice against CSV injection).
import type { GuestPage } from './store/contract.ts';
import { type HostGuestView, hostGuestView } from './views.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised if a spreadsheet would read it as a formula, quoted if it holds a quote, comma or line break. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: ReadonlyArray<string | number | null>) => `${cells.map(csvCell).join(',')}\r\n`;

/** The columns, in order, with the view field each shows (times as ISO 8601 UTC). */
const COLUMNS = [
  ['id', 'id'],
  ['name', 'name'],
  ['email', 'email'],
  ['status', 'status'],
  ['link_id', 'linkId'],
  ['link_name', 'linkName'],
  ['created_at', 'createdAt'],
  ['admitted_at', 'admittedAt'],
  ['decided_at', 'decidedAt'],
  ['decided_by', 'decidedBy'],
  ['left_at', 'leftAt'],
  ['knocks', 'knocks'],
  ['erased_at', 'erasedAt'],
] as const satisfies ReadonlyArray<readonly [string, keyof HostGuestView]>;

export const GUEST_CSV_HEADER = `\uFEFF${csvLine(COLUMNS.map(([column]) => column))}`;

export const guestCsvLines = (page: GuestPage) =>
  page.guests
    .map(hostGuestView)
    .map((guest) => csvLine(COLUMNS.map(([, field]) => guest[field] as string | number | null)))
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
