import { css } from 'lit';
import { spinner } from '../internal/spinner.ts';

// What only the windows a button opens use (create and edit, delete, automatic admission, History): each
// adds these to the element's shadow root when it first loads (the window's own layout, `dialog`, is the
// main window's too and stays in guest-access-manager.styles.ts).
export const windowStyles = [
  spinner,
  css`
  .window-foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  /* A window taller than the screen (Edit; Create with its errors; History) scrolls inside, between a
     sticky head and a sticky foot, so its title and its buttons stay in reach. Both reach over the
     window's padding (margins) and stick at its very edge (insets), leaving no gap for the content to
     show through. */
  dialog.window {
    /* What is scrolled to or focused stops clear of the head and the foot (WCAG 2.4.11). */
    scroll-padding-block: 4rem 5rem;
    /* For the hairlines below. */
    container-type: scroll-state;
  }
  dialog.window .window-head {
    position: sticky;
    inset-block-start: calc(-1 * var(--_window-pad-block));
    z-index: 1;
    margin: calc(-1 * var(--_window-pad-block)) calc(-1 * var(--_window-pad-inline)) 0;
    padding: var(--_window-pad-block) var(--_window-pad-inline) 0.25rem;
    background: var(--_background);
  }
  dialog.window .window-foot {
    position: sticky;
    inset-block-end: calc(-1 * var(--_window-pad-block));
    z-index: 1;
    margin: 0.5rem calc(-1 * var(--_window-pad-inline)) calc(-1 * var(--_window-pad-block));
    padding: 0.75rem var(--_window-pad-inline) var(--_window-pad-block);
    background: var(--_background);
  }
  /* A hairline under the head, over the foot, only while content is scrolled under it (where the
     browser can tell: elsewhere no line, as before). */
  @container scroll-state(scrollable: top) {
    .window-head {
      box-shadow: 0 1px 0 var(--_rule);
    }
  }
  @container scroll-state(scrollable: bottom) {
    .window-foot {
      box-shadow: 0 -1px 0 var(--_rule);
    }
  }

  .button.danger {
    color: var(--_background);
    background: var(--_danger);
    border-color: var(--_danger);
  }

  /* Busy keeps its colours and label; the spinner says it is working. */
  .button.primary.busy {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
    cursor: progress;
  }
  .button.danger.busy {
    color: var(--_background);
    background: var(--_danger);
    border-color: var(--_danger);
    cursor: progress;
  }

  /* The create and edit form */
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-start: 0.9rem;
  }
  .required {
    color: var(--_danger);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .with-suffix {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .with-suffix input,
  input[type='number'] {
    inline-size: 9rem;
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

  .expiry-preview {
    color: var(--_text);
  }
  input[type='datetime-local'] {
    inline-size: auto;
  }
  /* A group of radio buttons: expiry (after N days, or on a date) and admission. */
  .choices {
    margin: 0.9rem 0 0;
    padding: 0;
    border: none;
  }
  .choices legend {
    padding: 0;
    font-weight: 600;
  }
  /* A radio button or checkbox with its label (choices, the rotate box, the delete confirmation's box). */
  .check-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-block-start: 0.35rem;
    font-weight: 400;
    cursor: pointer;
  }
  .check-row input {
    margin: 0;
    accent-color: var(--_accent);
  }
  [part~='confirm-dialog'] .check-row {
    margin-block: 0.75rem;
  }
  /* A finger's target (WCAG 2.5.8): the whole row, 44 px tall as the buttons and switches are, and a 20 px
     control that reads as one, as phone apps draw theirs. */
  @media (max-width: 30rem), (pointer: coarse) {
    .check-row {
      min-block-size: 2.75rem;
      margin-block-start: 0;
    }
    .check-row input {
      flex: none;
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
  }

  /* Guest history: a wider window, room for its six columns at a laptop's width with each time on two lines;
     narrower than its table (a phone), each guest is a card instead. */
  dialog.wide {
    inline-size: 56rem;
    /* Its cards follow its width; its hairlines, as every window's, its scrolling. */
    container: history / inline-size scroll-state;
  }
  .history-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
  }
  .history-filter {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-inline-size: 100%;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.35rem 0.5rem;
    /* As wide as its longest link name (up to 80 characters), but never wider than the window. */
    max-inline-size: 100%;
  }
  .history-scroll {
    overflow-x: auto;
  }
  table.history {
    font-size: 0.875rem;
  }
  table.history td,
  table.history th {
    padding: 0.45rem 0.5rem;
  }
  table.history time > span {
    white-space: nowrap;
  }
  table.history .email {
    display: block;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  /* Each guest as a card: name and email, then one labelled line per column; times never set are left out. */
  @container history (max-width: 40rem) {
    table.history,
    .history tbody,
    .history tr,
    .history td,
    .history th {
      display: block;
    }
    .history thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .history tr[part~='history-row'] {
      display: grid;
      gap: 0.2rem;
      padding-block: 0.6rem;
      border-block-end: 1px solid var(--_rule);
    }
    .history tr[part~='history-row'] > * {
      display: flex;
      flex-wrap: wrap;
      column-gap: 0.4rem;
      padding: 0;
      border: none;
    }
    .history tr[part~='history-row'] > th {
      display: block;
      margin-block-end: 0.15rem;
      overflow-wrap: anywhere;
    }
    .history td.unset {
      display: none;
    }
    .history td[data-label]::before {
      content: attr(data-label) / '';
      min-inline-size: 6rem;
      color: var(--_muted);
    }
    .history .empty {
      border: none;
    }
  }
`,
];
