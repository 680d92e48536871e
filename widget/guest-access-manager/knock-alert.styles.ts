import { css } from 'lit';

// The knock alert: a card in the viewport's bottom start corner, above the page, never covering the middle.
// Not the end corner: media pages put their actions at the end of the row under the player (the demo's
// Share and ⋯, which the alert covered at 1280x800), and chat launchers sit there too. The start of the
// page, not of the alert's language (a Hebrew alert on an English page still goes left). A page with its
// own controls in that corner moves it with ::part(alert). Several managers' alerts stack there: --_stacked is
// the height of those below (knock-alert-view.ts), a translation, so they stack wherever the page moved them;
// --_width the widest one's, so they share one edge.
export const knockAlertStyles = css`
  .knock-alert {
    position: fixed;
    inset-block-end: 1rem;
    left: 1rem;
    translate: 0 calc(-1 * var(--_stacked, 0px));
    z-index: 2147483000;
    box-sizing: border-box;
    inline-size: var(--_width, auto);
    max-inline-size: min(24rem, calc(100% - 2rem));
    padding: 0.875rem 1rem;
    background: var(--_background);
    /* Reset what a host page may have set on inherited properties, as the window does. */
    font: 400 0.9375rem/1.5 var(--_font);
    color: var(--_text);
    text-align: start;
    letter-spacing: normal;
    text-transform: none;
    word-spacing: normal;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
  }
  :host(:dir(rtl)) .knock-alert {
    left: auto;
    right: 1rem;
  }
  .knock-room {
    margin: 0 0 0.125rem;
    color: var(--_muted);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .knock-text {
    margin: 0 0 0.625rem;
    font-weight: 600;
  }
  .knock-actions {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .knock-actions .icon-button {
    margin-inline-start: auto;
  }
  .knock-alert .muted {
    margin: 0.5rem 0 0;
  }
  /* A stack too tall for the viewport: compact lines, each a button that shows its alert in full. */
  .knock-compact,
  .knock-alert.compact > :not(.knock-compact) {
    display: none;
  }
  .knock-alert.compact {
    padding: 0.25rem;
  }
  .knock-alert.compact > .knock-compact {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-weight: 600;
    color: inherit;
    text-align: start;
    background: none;
    border: 0;
    border-radius: calc(var(--_radius) / 1.5);
    cursor: pointer;
  }
  .knock-compact:hover {
    background: var(--_surface);
  }
  .knock-compact > * {
    flex: 0 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .knock-compact-room {
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 400;
  }
  @media (max-width: 30rem), (pointer: coarse) {
    .knock-alert.compact > .knock-compact {
      min-block-size: 2.75rem;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .knock-alert {
      animation: knock-in 0.2s ease-out;
    }
  }
  @keyframes knock-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }
`;
