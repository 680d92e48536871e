// The limits, expiry and name rule of SPEC rule 2 (and the lobby message's length), with no imports, so
// the API's schemas and the elements' forms judge a value by the same numbers and characters. It lives with
// the elements so their package ships it without any of the server.

/** Rule 1. */
export const MAX_LINKS_PER_ROOM = 3;
/** Rule 2. */
export const MAX_LINK_USES = 1_000_000;
export const MAX_LINK_DAYS = 365;
export const NAME_MAX_LENGTH = 80;
/** What a host may tell waiting guests. */
export const LOBBY_MESSAGE_MAX_LENGTH = 280;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** When a link made now for `durationDays` expires (null: never). */
export const expiresAtFor = (now: number, durationDays: number | null | undefined) =>
  durationDays ? now + durationDays * DAY_MS : null;

/** Controls, including the bidi controls and marks that reorder the text around a name (a spoofing tool). */
export const NAME_CONTROL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
/** A character that shows: not a space, a format or default-ignorable character, a lone mark or a blank. */
export const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}\u2800]/u;

/** Rule 2 for a name as typed: what the API's schema accepts once it has trimmed and normalized it. */
export function isValidName(typed: string): boolean {
  if (!typed.isWellFormed()) return false;
  const name = typed.trim().normalize('NFC');
  return name.length >= 1 && name.length <= NAME_MAX_LENGTH && !NAME_CONTROL.test(name) && VISIBLE.test(name);
}

/** Rule 2 for a count typed into a field: empty (no limit), or a whole number from 1 to `max`. */
export function isValidLimit(typed: string, max: number): boolean {
  const text = typed.trim();
  if (text === '') return true;
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= max;
}
