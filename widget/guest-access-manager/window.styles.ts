import { css } from 'lit';
import { spinner } from '../internal/theme.ts';

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
    margin-block-start: 1.25rem;
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
  /* Expiry: after N days, or on a date; and the delete confirmation's "also remove the guests". */
  .expiry-mode {
    margin: 0.9rem 0 0;
    padding: 0;
    border: none;
  }
  .expiry-mode legend {
    padding: 0;
    font-weight: 600;
  }
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

  /* Guest history: a wider window whose table scrolls sideways on a phone rather than squeezing. */
  dialog.wide {
    inline-size: 48rem;
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
    display: grid;
    gap: 0.25rem;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.35rem 0.5rem;
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
  table.history time {
    white-space: nowrap;
  }
  table.history .email {
    display: block;
    font-weight: 400;
  }
`,
];
