// The views after the form, each a heading, a sentence and at most one button: waiting in the lobby,
// admitted (on the way to the session), denied, removed by a moderator, left, the server unreachable,
// or too many attempts (rate limited: its retry waits for the server's Retry-After).
import { html, nothing, type TemplateResult } from 'lit';
import type { EntryTranslation } from '../locales/en.ts';

export type Outcome = 'waiting' | 'admitted' | 'denied' | 'removed' | 'left' | 'offline' | 'rate_limited';

interface StatusContent {
  title?: string;
  message?: string;
  action?: { label: string; part: string; run: () => void };
}

export interface StatusActions {
  leave(): void;
  /** Starts over from the link: after leaving, or to retry after a network failure. */
  restart(): void;
}

function content(
  t: EntryTranslation,
  outcome: Outcome,
  actions: StatusActions,
  navigating: boolean,
): StatusContent {
  switch (outcome) {
    case 'waiting':
      return {
        title: t.entry.waitingTitle,
        action: { label: t.entry.leave, part: 'leave-button', run: actions.leave },
      };
    case 'admitted':
      // When the page handles `guest-admitted` itself there is nowhere this element is taking them.
      return { title: t.entry.admittedTitle, message: navigating ? t.entry.admitted : undefined };
    case 'denied':
      return { title: t.entry.deniedTitle, message: t.entry.denied };
    case 'removed':
      return { title: t.entry.removedTitle, message: t.entry.removed };
    case 'left':
      return {
        title: t.entry.leftTitle,
        action: { label: t.entry.joinAgain, part: 'join-again-button', run: actions.restart },
      };
    case 'offline':
    case 'rate_limited':
      return {
        message: outcome === 'offline' ? t.common.networkDown : t.entry.rateLimited,
        action: { label: t.common.retry, part: 'retry-button', run: actions.restart },
      };
  }
}

export function statusView(
  t: EntryTranslation,
  outcome: Outcome,
  actions: StatusActions,
  navigating = false,
  /** The retry waits for the server's Retry-After: shown, but not yet usable. */
  paused = false,
  /** More of the view after its sentence (the lobby while waiting, Ask again when denied). */
  details: TemplateResult | typeof nothing = nothing,
) {
  const { title, message, action } = content(t, outcome, actions, navigating);
  return html`<section part="status" class="status" data-outcome=${outcome}>
    ${outcome === 'waiting' ? html`<div class="pulse" aria-hidden="true"></div>` : nothing}
    ${title ? html`<h2 class="view-title" tabindex="-1">${title}</h2>` : nothing}
    ${message ? html`<p part="message">${message}</p>` : nothing} ${details}
    ${
      action
        ? html`<button
            part=${action.part}
            class="secondary"
            type="button"
            aria-disabled=${paused ? 'true' : 'false'}
            @click=${() => paused || action.run()}
          >
            ${action.label}
          </button>`
        : nothing
    }
  </section>`;
}
