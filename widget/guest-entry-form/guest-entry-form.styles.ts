import { css } from 'lit';

// Public knobs are --guest-access-*; private ones are --_*. Colours follow the theme attribute or,
// without one, the system (light-dark() resolves against color-scheme). Logical properties only, for RTL.
export const styles = css`
  :host {
    display: block;
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    --_accent: var(--guest-access-accent, var(--_brand-accent, #2457d6));
    --_accent-text: var(--guest-access-accent-text, #fff);
    --_background: var(--guest-access-background, light-dark(#fff, #1f2126));
    --_text: var(--guest-access-text, light-dark(#1b1d22, #eceef2));
    --_muted: light-dark(#555b69, #aab0bd);
    --_border: light-dark(#c5cad4, #4a4f5c);
    --_field: light-dark(#fff, #16181c);
    --_error: light-dark(#b42318, #ff9a8f);
    box-sizing: border-box;
    max-inline-size: 28rem;
    margin-inline: auto;
    padding: 1.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--guest-access-radius, 12px);
    background: var(--_background);
    color: var(--_text);
    font-family: var(--guest-access-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
    text-align: start;
    overflow-wrap: anywhere;
  }
  @media (max-width: 380px) {
    .base {
      padding: 1rem;
    }
  }

  .toolbar {
    display: flex;
    align-items: center;
    gap: 1rem;
    min-block-size: 2rem;
    margin-block-end: 1rem;
  }
  .logo {
    max-block-size: 2.5rem;
    max-inline-size: 60%;
    object-fit: contain;
  }

  .language {
    position: relative;
    display: inline-flex;
    align-items: center;
    margin-inline-start: auto;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border-radius: 6px;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .language:hover {
    background: light-dark(#eef0f4, #2c2f36);
  }
  .language:focus-within {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* The native select does the work; it lies, invisible, over the short "EN ▾". */
  .language select {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    opacity: 0;
    cursor: pointer;
    font: inherit;
  }

  h1,
  h2,
  p {
    margin: 0;
  }
  h1 {
    font-size: 1.375rem;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.125rem;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .room {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 1.25rem;
  }
  .schedule,
  .intro,
  .hint {
    color: var(--_muted);
  }
  .hint,
  .error {
    font-size: 0.875rem;
  }
  .error {
    color: var(--_error);
  }

  form {
    display: grid;
    gap: 1rem;
  }
  .field {
    display: grid;
    gap: 0.375rem;
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_error);
  }
  input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_field);
    color: inherit;
    font: inherit;
  }
  input:focus-visible {
    border-color: var(--_accent);
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }

  button {
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
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .primary:hover {
    filter: brightness(1.08);
  }
  .secondary {
    background: transparent;
    border-color: var(--_border);
    color: var(--_text);
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: progress;
  }

  .status {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
  }
  .pulse {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 50%;
    background: var(--_accent);
    animation: pulse 1.6s ease-in-out infinite;
  }
  @keyframes pulse {
    0%,
    100% {
      opacity: 0.35;
      transform: scale(0.8);
    }
    50% {
      opacity: 1;
      transform: scale(1);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      animation: none;
    }
  }
`;
