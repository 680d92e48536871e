// What the waiting view adds to its heading (who is joining, whether the host is here, the host's message,
// the place in line, the time waited), and the denied view's "Ask again" action.
import { css, html, nothing } from 'lit';
import type { KnockState, Lobby } from '../internal/api-client.ts';
import { sentenceWithName } from '../internal/bidi.ts';
import type { StatusAction } from '../internal/status.ts';
import type { StatusTranslation } from '../locales/en.ts';

export function waitingDetails(
  t: StatusTranslation,
  input: { name: string; lobby: Lobby | undefined; waitedMs: number; reconnecting: boolean },
  leave: () => void,
) {
  const { lobby } = input;
  const waited = html`<span part="waited">${t.status.waited(Math.floor(input.waitedMs / 60_000))}</span>`;
  return html`<div class="details">
    <!-- Always in the page, so the words are announced when they come. -->
    <p part="connection" class="connection" role="status">${input.reconnecting ? t.status.reconnecting : nothing}</p>
    <p class="joining-as">
      ${sentenceWithName(t.status.joiningAs, input.name)}
      <button part="not-you-button" class="link" type="button" @click=${leave}>${t.status.notYou}</button>
    </p>
    ${
      lobby
        ? html`<p part="host-presence" data-host-present=${lobby.hostPresent ? 'true' : 'false'}>
            ${lobby.hostPresent ? t.status.hostPresent : t.status.hostAbsent}
          </p>
          ${
            lobby.message
              ? html`<figure part="lobby-message" class="lobby-message">
                  <figcaption>${t.status.lobbyMessageLabel}</figcaption>
                  <blockquote dir="auto">${lobby.message}</blockquote>
                </figure>`
              : nothing
          }
          <p class="meta"><span part="position">${t.status.position(lobby.position)}</span> ${waited}</p>`
        : html`<p class="meta">${waited}</p>`
    }
  </div>`;
}

/** "Ask again", held with the seconds left while the server's interval runs; gone once none are left. */
export function askAgainAction(
  t: StatusTranslation,
  knock: KnockState | undefined,
  now: number,
  askAgain: () => void,
): StatusAction | undefined {
  if (!knock || knock.left === 0) return undefined;
  const waitMs = knock.availableAt ? Date.parse(knock.availableAt) - now : 0;
  const seconds = Math.ceil(waitMs / 1000);
  return {
    label: seconds > 0 ? t.status.askAgainIn(seconds) : t.status.askAgain,
    part: 'ask-again-button',
    run: askAgain,
    disabled: seconds > 0,
  };
}

/** The waiting view's additions, beside the status template's own styles. */
export const lobbyStyles = css`
  .details {
    justify-self: stretch;
    display: grid;
    gap: 0.375rem;
    justify-items: center;
    color: var(--_muted);
  }
  .connection:empty {
    display: none;
  }
  .connection {
    color: var(--_text);
    font-weight: 600;
  }
  .joining-as {
    color: var(--_text);
  }
  .meta {
    font-size: 0.875rem;
  }
  /* Text among text: none of the status buttons' margin or height (a long name's last line kept whole). */
  .joining-as .link {
    display: inline;
    min-block-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .lobby-message {
    margin: 0.5rem 0 0;
    padding: 0.75rem 1rem;
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
    justify-self: stretch;
  }
  .lobby-message figcaption {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
  }
  .lobby-message blockquote {
    margin: 0;
    white-space: pre-line;
  }
`;
