// The window's close (✕) icon, and how every icon is drawn (icons.ts has the rest). Apart from them: the
// window's frame, in the manager's first load, draws only this one.
import { svg } from 'lit';

export const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;

export const closeIcon = icon(svg`<path d="M18 6 6 18M6 6l12 12"/>`);
