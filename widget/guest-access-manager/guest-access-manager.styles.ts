import { css } from 'lit';

// Dark values, used by `theme="dark"` and by `prefers-color-scheme: dark` unless `theme="light"`.
const dark = css`
  --_accent: var(--guest-access-accent, #6ea8fe);
  --_accent-text: var(--guest-access-accent-text, #0b1220);
  --_background: var(--guest-access-background, #1b1f24);
  --_text: var(--guest-access-text, #e6edf3);
  --_muted: var(--guest-access-muted, #9da5ae);
  --_border: var(--guest-access-border, #3d444d);
  --_danger: var(--guest-access-danger, #ff7b72);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_accent: var(--guest-access-accent, #2557d6);
    --_accent-text: var(--guest-access-accent-text, #ffffff);
    --_background: var(--guest-access-background, #ffffff);
    --_text: var(--guest-access-text, #1f2328);
    --_muted: var(--guest-access-muted, #57606a);
    --_border: var(--guest-access-border, #d0d7de);
    --_danger: var(--guest-access-danger, #c62828);
    --_radius: var(--guest-access-radius, 8px);
    --_font: var(--guest-access-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_surface: color-mix(in srgb, var(--_text) 5%, var(--_background));
    --_focus: 0 0 0 2px var(--_background), 0 0 0 4px var(--_accent);
    display: block;
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }

  /* Reset what a host page may have set on inherited properties. */
  .base,
  dialog {
    font: 400 0.9375rem/1.5 var(--_font);
    color: var(--_text);
    text-align: start;
    letter-spacing: normal;
    text-transform: none;
    word-spacing: normal;
  }
  .base {
    box-sizing: border-box;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.25rem 1.5rem;
    max-inline-size: 46rem;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.0625rem;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin-block: 0.5rem;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 0.8125rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Windows */
  dialog {
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    padding: 1.25rem 1.5rem;
    inline-size: min(28rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog.main-window {
    padding: 0;
    border: none;
    background: transparent;
    box-shadow: none;
    inline-size: min(46rem, calc(100vw - 2rem));
  }
  .main-window > .base {
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
  }
  .window-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .window-foot {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1.25rem;
  }

  /* Buttons */
  .button {
    font: inherit;
    font-weight: 600;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.9rem;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface);
  }
  .button.primary {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  .button.danger {
    color: var(--_background);
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .button.small {
    padding: 0.2rem 0.7rem;
    font-size: 0.875rem;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    color: var(--_muted);
    background: transparent;
    border: none;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .icon-button:hover {
    color: var(--_text);
    background: var(--_surface);
  }
  .icon-button.danger:hover {
    color: var(--_danger);
  }
  button:focus-visible,
  input:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  /* Switches: a checkbox with role="switch", drawn as a track and a thumb. */
  .switch-row {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-block: 1rem 0.5rem;
    font-weight: 600;
    cursor: pointer;
    inline-size: fit-content;
  }
  .switch {
    appearance: none;
    flex: none;
    margin: 0;
    inline-size: 2.5rem;
    block-size: 1.375rem;
    border-radius: 999px;
    background-color: color-mix(in srgb, var(--_muted) 55%, var(--_background));
    background-image: radial-gradient(circle, #fff 0 0.5rem, transparent calc(0.5rem + 1px));
    background-size: 1.375rem 1.375rem;
    background-repeat: no-repeat;
    background-position: left center;
    transition: background-position 0.15s, background-color 0.15s;
    cursor: inherit;
  }
  .switch:checked {
    background-color: var(--_accent);
    background-position: right center;
  }
  [dir='rtl'] .switch {
    background-position: right center;
  }
  [dir='rtl'] .switch:checked {
    background-position: left center;
  }
  .switch:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  @media (prefers-reduced-motion: reduce) {
    .switch {
      transition: none;
    }
  }

  .note {
    padding: 0.6rem 0.8rem;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }
  .error {
    color: var(--_danger);
  }
  .refusal {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    margin-block: 1rem 0;
  }
  .refusal p {
    margin-block: 0 0.75rem;
    color: var(--_text);
  }
  .manual-copy {
    display: grid;
    gap: 0.4rem;
  }

  .toolbar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-block-start: 1rem;
  }
  .count {
    font-weight: 600;
  }
  .reason {
    margin-block-start: 0.25rem;
    text-align: end;
  }

  /* The links table; on a narrow window it scrolls sideways rather than spill out. */
  .table-scroll {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-start: 0.75rem;
  }
  th,
  td {
    padding: 0.5rem 0.6rem;
    text-align: start;
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
  }
  thead th {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    background: var(--_surface);
  }
  tbody th {
    font-weight: 600;
  }
  td.actions,
  th.actions {
    text-align: end;
    white-space: nowrap;
  }
  .uses {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .empty {
    color: var(--_muted);
    text-align: center;
  }
  tr.expired .link-name,
  tr.used_up .link-name,
  tr.inactive .link-name {
    color: var(--_muted);
  }
  .chip {
    display: inline-block;
    margin-inline-start: 0.4rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    border: 1px solid currentColor;
    color: var(--_muted);
    white-space: nowrap;
  }
  .chip.expired,
  .chip.used_up {
    color: var(--_danger);
  }

  /* The create-link form */
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-start: 0.9rem;
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
  }
  input:not([type='checkbox']) {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.4rem 0.6rem;
    inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .with-suffix {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .with-suffix input {
    inline-size: 8rem;
  }
  .hint,
  .suffix {
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 400;
  }
  .field-error {
    font-size: 0.8125rem;
  }

  /* The waiting room */
  .waiting-room {
    margin-block-start: 1.5rem;
    padding-block-start: 1rem;
    border-block-start: 1px solid var(--_border);
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .waiting-room .switch-row {
    font-weight: 400;
    margin-block: 0.75rem;
  }
  .guests {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .guest {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.4rem 1rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  .who {
    flex: 1 1 14rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.6rem;
    align-items: baseline;
  }
  .guest-name {
    font-weight: 600;
  }
  .guest-email {
    color: var(--_muted);
  }
  .who .small {
    flex-basis: 100%;
  }
  .decide {
    display: flex;
    gap: 0.4rem;
    flex: none;
  }

  @media (max-width: 30rem) {
    .base,
    dialog:not(.main-window) {
      padding: 1rem;
    }
    th,
    td {
      padding-inline: 0.3rem;
    }
  }
`;
