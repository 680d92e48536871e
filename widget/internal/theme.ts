// The one theme both elements share: the public `--guest-access-*` knobs, each read once here into a
// private `--_*` token the elements' styles use, and one light/dark mechanism: `color-scheme` on the host
// (the `theme` attribute, else the viewer's system preference) resolves every `light-dark()` below.
// Default pairs meet WCAG on the default card: text 4.5:1, accent, focus ring and control borders 3:1.
import { css } from 'lit';

/**
 * Add first to an element's `static styles`. The JSDoc of each element repeats the knobs as
 * `@cssproperty` lines (the manifest analyzer reads only the element's own comment).
 */
export const theme = css`
  :host {
    color-scheme: light dark;
    /* A tenant's brand colour may come in as --_brand-accent(-text), already adjusted for contrast. */
    --_accent: var(--guest-access-accent, var(--_brand-accent, light-dark(#2457d6, #8ab4f8)));
    --_accent-text: var(--guest-access-accent-text, var(--_brand-accent-text, light-dark(#fff, #0b1220)));
    --_background: var(--guest-access-background, light-dark(#fff, #1f2126));
    --_text: var(--guest-access-text, light-dark(#1b1d22, #eceef2));
    --_muted: var(--guest-access-muted, light-dark(#555b69, #aab0bd));
    --_border: var(--guest-access-border, light-dark(#858b97, #6c7280));
    --_danger: var(--guest-access-danger, light-dark(#b42318, #ff9a8f));
    --_success: var(--guest-access-success, light-dark(#1a7f37, #6fdd8b));
    --_radius: var(--guest-access-radius, 12px);
    --_font: var(--guest-access-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* Derived, not knobs: they follow whatever the page set above. */
    --_rule: color-mix(in srgb, var(--_border) 45%, var(--_background));
    --_surface: color-mix(in srgb, var(--_text) 6%, var(--_background));
    --_field: light-dark(var(--_background), color-mix(in srgb, #000 25%, var(--_background)));
    --_focus-ring: 2px solid var(--_accent);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
`;

/** The public knobs, for documentation and tests: name → what it colours or sets. */
export const themeProperties = {
  '--guest-access-accent': 'Buttons, links, focus rings and the waiting pulse.',
  '--guest-access-accent-text': 'Text on the accent colour.',
  '--guest-access-background': 'The card or window background.',
  '--guest-access-text': 'The text colour.',
  '--guest-access-muted': 'Secondary text.',
  '--guest-access-border': 'Borders of fields and controls (lighter rules are mixed from it).',
  '--guest-access-danger': 'Errors and destructive actions.',
  '--guest-access-success': 'Confirmations (copied, admitted).',
  '--guest-access-radius': 'Corner radius of the card or window.',
  '--guest-access-font': 'The font family.',
} as const;
