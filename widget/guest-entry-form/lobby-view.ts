// What the waiting view adds to its heading (who is joining, whether the host is here, the host's message,
// the place in line, the time waited), and the denied view's "Ask again" action.
import { html, nothing } from 'lit';
import type { KnockState, Lobby } from '../internal/api-client.ts';
import { sentenceWithName } from '../internal/bidi.ts';
import type { StatusAction } from '../internal/status.ts';
import type { EntryTranslation } from '../locales/en.ts';

export function waitingDetails(
  t: EntryTranslation,
  input: { name: string; lobby: Lobby | undefined; waitedMs: number },
  leave: () => void,
) {
  const { lobby } = input;
  const waited = html`<span part="waited">${t.entry.waited(Math.floor(input.waitedMs / 60_000))}</span>`;
  return html`<div class="details">
    <p class="joining-as">
      ${sentenceWithName(t.entry.joiningAs, input.name)}
      <button part="not-you-button" class="link" type="button" @click=${leave}>${t.entry.notYou}</button>
    </p>
    ${
      lobby
        ? html`<p part="host-presence" data-host-present=${lobby.hostPresent ? 'true' : 'false'}>
            ${lobby.hostPresent ? t.entry.hostPresent : t.entry.hostAbsent}
          </p>
          ${
            lobby.message
              ? html`<figure part="lobby-message" class="lobby-message">
                  <figcaption>${t.entry.lobbyMessageLabel}</figcaption>
                  <blockquote dir="auto">${lobby.message}</blockquote>
                </figure>`
              : nothing
          }
          <p class="meta"><span part="position">${t.entry.position(lobby.position)}</span> ${waited}</p>`
        : html`<p class="meta">${waited}</p>`
    }
  </div>`;
}

/** "Ask again", held with the seconds left while the server's interval runs; gone once none are left. */
export function askAgainAction(
  t: EntryTranslation,
  knock: KnockState | undefined,
  now: number,
  askAgain: () => void,
): StatusAction | undefined {
  if (!knock || knock.left === 0) return undefined;
  const waitMs = knock.availableAt ? Date.parse(knock.availableAt) - now : 0;
  const seconds = Math.ceil(waitMs / 1000);
  return {
    label: seconds > 0 ? t.entry.askAgainIn(seconds) : t.entry.askAgain,
    part: 'ask-again-button',
    run: askAgain,
    disabled: seconds > 0,
  };
}
