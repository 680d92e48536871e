// Inline icons (no icon font or network fetch); decorative: their buttons carry the names. And the
// busy button that shows a spinner.
import { html, svg } from 'lit';
import { icon } from './close-icon.ts';

export { closeIcon } from './close-icon.ts';

export const copyIcon = icon(
  svg`<rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`,
);
export const trashIcon = icon(
  svg`<path d="M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2m3 0-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6M10 11v6M14 11v6"/>`,
);
export const editIcon = icon(svg`<path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z"/>`);
export const mailIcon = icon(
  svg`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 7-10 6L2 7"/>`,
);
export const checkIcon = icon(svg`<path d="M20 6 9 17l-5-5"/>`);

/**
 * A dialog's confirming button; while its request is on the way it keeps its colours and label and
 * shows a spinner (disabled, so a second press sends nothing).
 */
export const busyButton = (
  label: string,
  busy: boolean,
  options: { type: 'submit' | 'button'; kind: 'primary' | 'danger'; onClick?: () => void },
) =>
  html`<button
    type=${options.type}
    class="button ${options.kind} ${busy ? 'busy' : ''}"
    part="submit-button"
    aria-busy=${busy ? 'true' : 'false'}
    ?disabled=${busy}
    @click=${options.onClick}
  >
    ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : ''}${label}
  </button>`;
