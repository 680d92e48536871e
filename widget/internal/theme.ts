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

/**
 * A spinner for busy buttons (`<span class="spinner" aria-hidden="true">`): the label stays legible. A button
 * marked `data-opening` (its window's code still loading) shows one in place of its label or icon, keeping
 * its size: nothing around it moves, and an icon button has no room for both.
 */
export const spinner = css`
  [data-opening] {
    position: relative;
    -webkit-text-fill-color: transparent;
  }
  [data-opening] > * {
    visibility: hidden;
  }
  [data-opening]::after {
    content: '';
    position: absolute;
    inset: 0;
    margin: auto;
  }
  .spinner,
  [data-opening]::after {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.15em;
    animation: guest-access-spin 0.8s linear infinite;
  }
  @keyframes guest-access-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner,
    [data-opening]::after {
      animation-duration: 2.4s;
    }
  }
  /* Forced colours would paint the hidden label back and close the spinner's gap: both keep their own. */
  @media (forced-colors: active) {
    .spinner {
      forced-color-adjust: none;
    }
    [data-opening] {
      forced-color-adjust: none;
      color: ButtonText;
      background-color: ButtonFace;
      border-color: ButtonText;
    }
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

/** Buttons both elements draw: `.primary` (accent) and `.secondary` (outlined); busy ones keep full contrast. */
export const buttonStyles = css`
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border: 1px solid transparent;
    border-radius: 8px;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  .secondary {
    background: transparent;
    border-color: var(--_border);
    color: var(--_text);
  }
  .secondary:hover {
    background: var(--_surface);
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .secondary[aria-disabled='true'] {
    color: var(--_muted);
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
`;

type Rgb = [number, number, number];

/** Relative luminance (WCAG 2) of an sRGB colour with 0–255 channels. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const hex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const mix = (from: Rgb, to: Rgb, amount: number) => from.map((c, i) => c + (to[i] - c) * amount) as Rgb;

// The default card of each theme (see `theme`): a tenant's colour must reach 3:1 on it.
const CARD: Record<'light' | 'dark', Rgb> = { light: [255, 255, 255], dark: [0x1f, 0x21, 0x26] };
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [0x0b, 0x12, 0x20];

/** The colour moved toward the text's end of the scale, in 5 % steps, until it is 3:1 on the card. */
function legibleOn(color: Rgb, card: Rgb): Rgb {
  const toward = luminance(card) > 0.5 ? INK : WHITE;
  let step = 0;
  let adjusted = color;
  while (contrastRatio(adjusted, card) < 3 && step < 20) adjusted = mix(color, toward, ++step / 20);
  return adjusted;
}

/**
 * A tenant's branding colour (`#rrggbb`) as the private `--_brand-accent` and `--_brand-accent-text`
 * of the theme: per theme, nudged until it reaches 3:1 on the card, with white or ink text on it,
 * whichever reads better. Undefined for anything but `#rrggbb`.
 */
export function brandAccent(color: string | null | undefined) {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return undefined;
  const rgb = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as Rgb;
  const [light, dark] = [legibleOn(rgb, CARD.light), legibleOn(rgb, CARD.dark)];
  const textOn = (accent: Rgb) =>
    hex(contrastRatio(WHITE, accent) >= contrastRatio(INK, accent) ? WHITE : INK);
  return {
    '--_brand-accent': `light-dark(${hex(light)}, ${hex(dark)})`,
    '--_brand-accent-text': `light-dark(${textOn(light)}, ${textOn(dark)})`,
  };
}
