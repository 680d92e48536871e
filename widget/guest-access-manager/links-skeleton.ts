// What the window shows until its code (manager-content.ts, window-view.ts) and the room are there, or when
// that code did not come.
import { html } from 'lit';
import type { LocalizeController } from '../internal/localize.ts';

/** Skeleton rows while the window loads (not a table: there is nothing to read yet). */
export function renderLinksSkeleton(localize: LocalizeController<'manager'>) {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
      <span class="bone switch-bone"></span>
      <span class="bone head-bone"></span>
      ${[0, 1, 2].map(() => html`<span class="bone row-bone"></span>`)}
    </div>
    <p class="visually-hidden" role="status">${localize.t.common.loading}</p>`;
}

/** A chunk of the window did not come (offline, or replaced by a deploy): why, and Try again. */
export function renderPartFailed(localize: LocalizeController<'manager'>, retry: () => void) {
  const t = localize.t;
  return html`<div part="error" class="error refusal" role="alert">
    <p>${t.common.partFailed}</p>
    <button type="button" class="button" @click=${retry}>${t.common.retry}</button>
  </div>`;
}
