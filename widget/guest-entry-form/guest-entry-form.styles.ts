import { css } from 'lit';
import { buttonStyles } from '../internal/buttons.ts';
import { theme } from '../internal/theme.ts';

// The card and what it shows before the link has answered: the language selector, "Loading…", or why a
// part of the page did not load. Colours and knobs come from the shared theme (widget/internal/theme.ts);
// logical properties only, for RTL. The rest comes with the views (entry-view.styles.ts).
const card = css`
  :host {
    display: block;
  }
  .base {
    position: relative;
    box-sizing: border-box;
    max-inline-size: 30rem;
    margin-inline: auto;
    padding: 1.5rem;
    border: 1px solid var(--_rule);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 8px 24px rgb(0 0 0 / 0.06);
    font-family: var(--_font);
    font-size: 1rem;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    overflow-wrap: anywhere;
  }
  @media (max-width: 380px) {
    .base {
      padding: 1.25rem 1rem;
    }
    .language {
      inset-block-start: 1.25rem;
      inset-inline-end: 0.75rem;
    }
  }

  .language {
    position: absolute;
    inset-block-start: 1.5rem;
    inset-inline-end: 1.25rem;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    min-block-size: 2rem;
    padding-inline: 0.5rem;
    border-radius: 6px;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .language:hover {
    background: var(--_surface);
  }
  .language:focus-within {
    outline: var(--_focus-ring);
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
  .error {
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .part-failed {
    display: grid;
    gap: 1rem;
    justify-items: start;
  }
  /* The selector sits in the card's top corner: what comes first beside it keeps clear of it. */
  .language + .part-failed {
    padding-inline-end: 4rem;
  }
`;

export const styles = [theme, buttonStyles, card];
