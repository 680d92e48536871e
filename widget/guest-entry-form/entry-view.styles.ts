import { css } from 'lit';
import { scheduleStyles } from '../internal/schedule.ts';
import { spinner } from '../internal/spinner.ts';

// What the card shows once the link has answered (entry-view.ts): the brand, the room's header and the form.
const content = css`
  /* The language selector sits in the card's top corner; whatever comes first keeps clear of it. */
  .brand {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-inline-size: 0;
    min-block-size: 2rem;
    margin-block-end: 1.25rem;
    padding-inline-end: 4rem;
    font-weight: 600;
  }
  .language + .room {
    padding-inline-end: 4rem;
  }
  .logo {
    display: block;
    max-block-size: 2rem;
    max-inline-size: 10rem;
    object-fit: contain;
  }
  .initial {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 8px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 1rem;
    line-height: 1;
  }
  .brand-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  h1 {
    font-size: 1.375rem;
    line-height: 1.3;
    text-wrap: balance;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .room {
    display: grid;
    gap: 0.375rem;
    justify-items: start;
    margin-block-end: 1.25rem;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .badge[data-badge='live'] {
    background: color-mix(in srgb, var(--_danger) 14%, var(--_background));
  }
  .badge[data-badge='live']::before {
    content: '';
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_danger);
  }
  .schedule {
    font-size: 0.9375rem;
  }
  .schedule,
  .intro,
  .hint {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.875rem;
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
    color: var(--_danger);
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
    outline: var(--_focus-ring);
    outline-offset: 1px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  form .primary {
    inline-size: 100%;
    margin-block-start: 0.25rem;
  }
`;

export const styles = [spinner, scheduleStyles, content];
