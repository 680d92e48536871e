import { css } from 'lit';
import { theme } from '../internal/theme.ts';

// The shared theme (knobs, light/dark) first; then the window's own layout.
export const styles = [
  theme,
  css`
  :host {
    display: block;
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
    border: 1px solid var(--_rule);
    border-radius: var(--_radius);
    padding: 1.25rem 1.5rem;
    max-inline-size: 46rem;
    /* The links turn into cards by the window's width, not the viewport's: inline in a narrow column too. */
    container: manager / inline-size;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    margin: 0;
    line-height: 1.3;
    text-wrap: balance;
    font-size: 1.25rem;
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
  .room-title {
    margin-block: 0.25rem 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .connection {
    font-weight: 600;
  }
  .connection:empty {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Windows: sized by their containing block (the viewport in the top layer), never 100vw, which
     counts the scrollbar and pushed a right-to-left window off its start edge. */
  dialog {
    box-sizing: border-box;
    background: var(--_background);
    border: 1px solid var(--_rule);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    /* Read by the windows' sticky head and foot (window.styles.ts), which reach over this padding. */
    --_window-pad-block: 1.25rem;
    --_window-pad-inline: 1.5rem;
    padding: var(--_window-pad-block) var(--_window-pad-inline);
    inline-size: 28rem;
    max-inline-size: calc(100% - 2rem);
    /* Anchored to the top: an error appearing grows the window downwards instead of re-centring it. So it
       is at most the screen's height less that top margin twice (the browser's own limit ignores the
       margin, and pushed the window's foot off the screen); taller content scrolls inside. */
    margin-block: min(4rem, 8vh) auto;
    max-block-size: calc(100% - 2 * min(4rem, 8vh));
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  /* The main window stays anchored to the top, so a change in its content never re-centres it; it
     scrolls inside, under a sticky head with the close button. */
  dialog.main-window {
    padding: 0;
    inline-size: 46rem;
    /* Whatever is scrolled to or focused stops below the sticky head, not under it (WCAG 2.4.11): the head
       is 4.25rem high, 4.75rem where its title takes two lines (Spanish at 375 px). */
    scroll-padding-block-start: 5rem;
  }
  .main-window > .base {
    border: none;
    border-radius: 0;
    max-inline-size: none;
  }
  /* The main window's own head only: the windows opened from it render inside it and must not match. */
  .main-window > .base > .window-head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    margin: -1.25rem -1.5rem 0;
    padding: 1rem 1.5rem 0.5rem;
    background: var(--_background);
  }
  .window-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }

  /* Buttons */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    font: inherit;
    font-weight: 600;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.4rem 0.9rem;
    min-block-size: 2.25rem;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface);
  }
  /* Disabled reads as disabled yet stays legible (no opacity: muted text on the surface, >= 4.5:1). */
  .button:disabled {
    cursor: not-allowed;
    color: var(--_muted);
    background: var(--_surface);
    border-color: var(--_rule);
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0;
    color: var(--_muted);
    background: transparent;
    border: none;
    border-radius: calc(var(--_radius) / 1.5);
    cursor: pointer;
  }
  .icon-button:hover {
    color: var(--_text);
    background: var(--_surface);
  }
  button:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  .error {
    color: var(--_danger);
  }
  /* A refusal instead of the window: the same padding on every side, the sentence in the text colour. */
  .refusal {
    display: grid;
    justify-items: start;
    gap: 0.75rem;
    margin-block: 1rem 0;
    padding: 1rem;
    color: var(--_text);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_background));
    border: 1px solid color-mix(in srgb, var(--_danger) 45%, var(--_background));
    border-inline-start: 4px solid var(--_danger);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .refusal p {
    margin: 0;
  }
  /* Skeleton rows while the window loads. */
  .skeleton {
    display: grid;
    gap: 0.6rem;
    margin-block-start: 1rem;
  }
  .bone {
    display: block;
    block-size: 2.75rem;
    border-radius: calc(var(--_radius) / 2);
    background: linear-gradient(90deg, var(--_surface) 25%, color-mix(in srgb, var(--_text) 11%, var(--_background)) 50%, var(--_surface) 75%) 0 0 / 200% 100%;
    animation: bone-shine 1.4s ease-in-out infinite;
  }
  .switch-bone {
    block-size: 1.5rem;
    inline-size: 14rem;
    max-inline-size: 70%;
  }
  .head-bone {
    block-size: 2rem;
    margin-block-start: 0.5rem;
  }
  @keyframes bone-shine {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }

  /* Phones and touch screens: every button at least 44 px tall, icon buttons 44 px square (a finger, not a
     pointer). */
  @media (max-width: 30rem), (pointer: coarse) {
    .button {
      min-block-size: 2.75rem;
    }
    .icon-button {
      inline-size: 2.75rem;
      block-size: 2.75rem;
    }
  }

  @media (max-width: 30rem) {
    .base {
      padding: 1rem;
    }
    .main-window > .base > .window-head {
      margin: -1rem -1rem 0;
      padding-inline: 1rem;
    }
  }
`,
];
