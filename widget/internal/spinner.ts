// The busy spinner both elements' buttons show (the entry form's Join, the manager's buttons while a window's
// code loads). Apart from the buttons: the entry form's card has none busy before its content is there.
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
