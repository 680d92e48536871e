// What the window shows until the room and its content's chunk (window-view.ts) are there.
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
