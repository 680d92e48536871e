// Buttons (`.primary`, `.secondary`) and the busy spinner. Apart from the theme: the entry form's first
// paint (its card saying "Loading…") draws neither, so they come with the views after it.
import { css } from 'lit';

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
