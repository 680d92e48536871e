// What the card shows in place of a part not there yet: "Loading…" while it comes, or, when it did not
// load (offline, or its chunk gone after a deploy), why, in the guest's language, and Try again.
import { html } from 'lit';
import type { EntryTranslation } from '../locales/en.ts';

export const loading = (t: EntryTranslation) => html`<p role="status">${t.common.loading}</p>`;

export const partFailed = (t: EntryTranslation, retry: () => void) =>
  html`<div class="part-failed">
    <p part="error" class="error" role="alert">${t.common.partFailed}</p>
    <button part="retry-button" class="secondary" type="button" @click=${retry}>${t.common.retry}</button>
  </div>`;
