import { css } from 'lit';
import { spinner } from '../internal/spinner.ts';

// What only the window's content uses once the room has loaded (switches, the links table, the waiting
// room, the fields): it comes with that content's chunk (window-view.ts), added after the element's own
// styles and before the windows' (the element loads the windows after it). The spinner is for the buttons
// whose windows are still loading (openWindow).
export const windowViewStyles = [
  spinner,
  css`
  /* Of the element's own rules, what only the content and the windows use. */
  h3 {
    margin: 0;
    line-height: 1.3;
    text-wrap: balance;
    font-size: 1.0625rem;
  }
  h3:focus {
    outline: none;
  }
  .small {
    font-size: 0.8125rem;
  }
  .button.primary {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  .button.small {
    padding: 0.2rem 0.7rem;
    min-block-size: 2rem;
    font-size: 0.875rem;
  }
  .icon-button.danger:hover {
    color: var(--_danger);
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .note {
    padding: 0.6rem 0.8rem;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }
  @media (max-width: 30rem), (pointer: coarse) {
    .button.small {
      min-block-size: 2.75rem;
    }
  }
  @media (max-width: 30rem) {
    dialog:not(.main-window) {
      --_window-pad-block: 1rem;
      --_window-pad-inline: 1rem;
    }
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
    background-color: color-mix(in srgb, var(--_muted) 70%, var(--_background));
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
  /* Forced colours drop the track's colour and the thumb's gradient: drawn in system colours instead. */
  @media (forced-colors: active) {
    .switch {
      --_forced-thumb: CanvasText;
      forced-color-adjust: none;
      background-color: Canvas;
      background-image: radial-gradient(circle, var(--_forced-thumb) 0 0.4rem, transparent calc(0.4rem + 1px));
      box-shadow: inset 0 0 0 1px CanvasText;
    }
    .switch:checked {
      --_forced-thumb: HighlightText;
      background-color: Highlight;
      box-shadow: none;
    }
    .switch:disabled {
      --_forced-thumb: GrayText;
      opacity: 1;
      box-shadow: inset 0 0 0 1px GrayText;
    }
  }

  .manual-copy {
    display: grid;
    gap: 0.4rem;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    /* Wrapped on a phone, Create new link stays at the end, above its reason (aligned there too). */
    justify-content: flex-end;
    gap: 0.5rem 1rem;
    margin-block-start: 1rem;
  }
  .count {
    font-weight: 600;
    /* History and Create new link together at the end, not History adrift in the middle. */
    margin-inline-end: auto;
  }
  .reason {
    margin-block-start: 0.25rem;
    text-align: end;
  }

  /* The links table */
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-start: 0.75rem;
  }
  th,
  td {
    padding: 0.65rem 0.6rem;
    text-align: start;
    border-block-end: 1px solid var(--_rule);
    vertical-align: top;
  }
  thead th {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    background: var(--_surface);
    vertical-align: bottom;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  /* Room for the name and a telling part of its URL (which has no width of its own). Its heading may
     wrap, so a narrow table ("Nombre del enlace") still fits. */
  thead th:first-child {
    inline-size: 28%;
    white-space: normal;
  }
  td.actions,
  th.actions {
    /* As narrow as its buttons: the slack goes to the words. */
    inline-size: 1%;
    text-align: end;
    white-space: nowrap;
  }
  td.actions {
    padding-block: 0.3rem;
  }
  .expires,
  .uses {
    font-variant-numeric: tabular-nums;
  }
  /* The date keeps together; "2 of 1,000,000 used" may wrap between words, so a long language's
     labels cannot push the table past the window's edge. */
  .expires time {
    white-space: nowrap;
  }
  .relative {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  /* "0 used · unlimited": each piece's dot sits in the line's overhang, so the piece that starts a line (the
     first, or one that wrapped) hangs its dot outside the clip, as the schedule's separator does. One length
     for all three, whatever a piece's font size. */
  .pieces {
    --_dot: 1rem;
    display: block;
    overflow: hidden;
  }
  .pieces-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    margin-inline-start: calc(-1 * var(--_dot));
  }
  .pieces-line > * {
    position: relative;
    padding-inline-start: var(--_dot);
  }
  /* Out of the text's flow: a piece wraps between its words, never between its dot and its first word. */
  .pieces-line > ::before {
    content: '·';
    position: absolute;
    inset-inline-start: 0;
    inline-size: var(--_dot);
    text-align: center;
  }
  /* The wide table's expiry: the date, then "in 6 days" under it. */
  .when > .pieces-line {
    flex-direction: column;
    /* At the start edge: baseline has no meaning in a column, and Chromium then lines up to the left. */
    align-items: start;
  }
  .name > * {
    display: block;
  }
  .link-name {
    overflow-wrap: anywhere;
  }
  /* The URL shortened to one line, yet whole when selected (one click selects it all). */
  .link-url {
    /* As wide as its cell, without widening it: no width of its own for the column sizing. */
    inline-size: 0;
    min-inline-size: 100%;
    text-align: match-parent;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.8125rem;
    font-weight: 400;
    color: var(--_muted);
    user-select: all;
    cursor: text;
  }
  .card-label {
    display: none;
  }
  .empty {
    padding-block: 1.5rem;
    color: var(--_muted);
    text-align: center;
  }
  tr.expired .link-name,
  tr.used_up .link-name,
  tr.paused .link-name,
  tr.inactive .link-name {
    color: var(--_muted);
  }
  /* The name and its chips wrap as whole pieces, a wrapped chip starting at the line's start. */
  .name-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 0.4rem;
  }
  .chip {
    display: inline-block;
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
  /* The link just created: highlighted until it is copied. */
  tr.created {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_background));
  }
  .created-hint {
    margin-block-start: 0.2rem;
    font-size: 0.8125rem;
  }
  /* Copy: its icon turns into a check and its label into "Copied" for two seconds. */
  .button.ghost {
    border-color: transparent;
    background: transparent;
  }
  .button.ghost:hover:not(:disabled) {
    background: var(--_surface);
  }
  .swap {
    display: inline-grid;
  }
  .swap > * {
    grid-area: 1 / 1;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35rem;
  }
  .swap > .off {
    visibility: hidden;
  }
  .copy-button.copied {
    color: var(--_success);
  }
  .copy-button svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  /* A link's Enable switch, smaller than the window's, beside its buttons. */
  .row-switch {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    margin-inline-end: 0.4rem;
    vertical-align: middle;
    font-size: 0.8125rem;
    font-weight: 400;
    cursor: pointer;
  }
  .action-group {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    gap: 0.15rem;
  }
  /* In the wide table the switch is named by its label (and the status chip); cards have room for "Enable". */
  .row-switch > span {
    display: none;
  }

  /* Below ~640 px each link is a card: name and URL beside its buttons, then expiry and clicks. The
     table needs nearly that much (headings, the date and two labelled buttons keep whole): narrower,
     its actions would stick out of the window. */
  @container manager (max-width: 40rem) {
    table.links,
    .links tbody,
    .links tr,
    .links td,
    .links th {
      display: block;
    }
    .links thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .links tr[part~='row'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'name' 'expires' 'uses' 'actions';
      gap: 0.3rem;
      margin-block-start: 0.5rem;
      padding: 0.75rem;
      border: 1px solid var(--_rule);
      border-radius: calc(var(--_radius) / 1.5);
    }
    .links tr[part~='row'] > * {
      padding: 0;
      border: none;
    }
    .links .name {
      grid-area: name;
    }
    .links .expires {
      grid-area: expires;
    }
    .links .uses {
      grid-area: uses;
    }
    .links tr[part~='row'] > td.actions {
      grid-area: actions;
      /* The card's full width (the wide table's 1% would shrink the divider above it to a dash). */
      inline-size: auto;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem;
      margin-block-start: 0.4rem;
      padding-block-start: 0.4rem;
      border-block-start: 1px solid var(--_rule);
    }
    .row-switch > span {
      display: inline;
    }
    .links td.actions > .action-group + .action-group {
      margin-inline-start: auto;
    }
    /* Label, date and "in 6 days" wrap as whole pieces. */
    .links .expires,
    .links .uses {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 0.4rem;
    }
    .card-label {
      display: inline;
      min-inline-size: 7.5rem;
      color: var(--_muted);
      font-size: 0.8125rem;
    }
    /* Beside its label where the value fits there, as the other rows' values are; under it where it does
       not, rather than clipped ("Dec 10, 2026, 8:06 P"). */
    .links .pieces {
      flex: 1 1 0;
      min-inline-size: min-content;
    }
    /* "Dec 2, 2026 · in 6 days" on a line where it fits. */
    .links .when > .pieces-line {
      flex-direction: row;
      align-items: baseline;
    }
    .empty {
      border: none;
    }
  }

  label {
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.4rem 0.6rem;
    inline-size: 100%;
  }
  .lobby-message {
    display: grid;
    gap: 0.35rem;
    margin-block: 0.75rem 0;
  }
  .lobby-message p {
    margin: 0;
  }
  .lobby-message button {
    justify-self: start;
  }

  /* Apart from the lobby message's Save, which it would otherwise seem to belong to. */
  [part='notify-button'] {
    margin-block-start: 1rem;
  }

  /* The waiting room */
  .waiting-room {
    margin-block-start: 1.5rem;
    padding-block-start: 1rem;
    border-block-start: 1px solid var(--_rule);
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
    border-block-end: 1px solid var(--_rule);
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

  /* Phones and touch screens: a switch's whole row (the label around it) is its tap target, at least 44 px tall. */
  @media (max-width: 30rem), (pointer: coarse) {
    .switch-row,
    .row-switch {
      min-block-size: 2.75rem;
    }
  }
`,
];
