// Names come from other people (guests type theirs, hosts name links): shown next to our text they are
// isolated, so a right-to-left name, or one ending in digits or brackets, cannot reorder what is around it.
import { html } from 'lit';

/** For attributes, where no element fits: the name between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
export const isolate = (name: string) => `\u2068${name}\u2069`;

/** A localised sentence (`via “{name}”`) with the name in a <bdi> and the words of the sentence around it. */
export function sentenceWithName(sentence: (name: string) => string, name: string) {
  const [first, ...rest] = sentence('\u0000').split('\u0000');
  return html`${first}${rest.map((part) => html`<bdi>${name}</bdi>${part}`)}`;
}

/**
 * An email address reads left to right in every language: in Hebrew "0-ana@example.com" must not show
 * as "ana@example.com-0". Too long for its line, it may break after the @ rather than mid-word.
 */
export function emailAddress(email: string) {
  const at = email.lastIndexOf('@') + 1;
  return html`<bdi dir="ltr">${email.slice(0, at)}<wbr />${email.slice(at)}</bdi>`;
}
