// The entry form's buttons, in its card's first styles: the card draws Try again when its content did not
// load, before any of that content's styles are there.
import { css } from 'lit';

/** `.primary` (accent) and `.secondary` (outlined); busy ones keep full contrast. */
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
