// Every view after the form: waiting (with the lobby), admitted, denied, removed, left, link unavailable,
// server unreachable, too many attempts. In the content's chunk (entry-view.ts); their wording in another
// language loads when the first of them shows, or when the browser is idle before that.
import { nothing } from 'lit';
import { statusStyles, statusTemplate, statusWords } from '../internal/status.ts';
import type { StatusTranslation } from '../locales/en.ts';
import { askAgain, leave } from './after-entry.ts';
import type { GuestSessionController } from './guest-session.ts';
import { askAgainAction, lobbyStyles, waitingDetails } from './lobby-view.ts';

export const styles = [statusStyles, lobbyStyles];

export function renderStatusView(t: StatusTranslation, session: GuestSessionController) {
  const { state } = session;
  switch (state) {
    case 'loading':
    case 'form':
      return nothing;
    case 'unavailable':
      return statusTemplate({
        state: 'access_removed',
        ...statusWords(t, 'access_removed'),
        // Without a room there is no title above: the status is the page's heading.
        heading: session.room ? 'h2' : 'h1',
      });
    case 'admitted':
      // When the page handles `guest-admitted` itself there is nowhere this element is taking them.
      return statusTemplate({
        state,
        title: t.status.admittedTitle,
        message: session.navigating ? t.status.admitted : undefined,
      });
    default: {
      const restart = () => session.restart();
      // Held, with the seconds left, until the server's Retry-After has passed.
      const retry = {
        label: session.paused
          ? t.status.retryIn(Math.max(1, Math.ceil((session.pausedUntil - session.now) / 1000)))
          : t.common.retry,
        part: 'retry-button',
        run: restart,
        disabled: session.paused,
      };
      const action = {
        waiting: { label: t.status.leave, part: 'leave-button', run: () => void leave(session) },
        left: { label: t.status.joinAgain, part: 'join-again-button', run: restart },
        offline: retry,
        rate_limited: retry,
        denied: askAgainAction(t, session.knock, session.now, () => void askAgain(session)),
        removed: undefined,
      }[state];
      const details =
        state === 'waiting'
          ? waitingDetails(
              t,
              {
                name: session.guestName,
                lobby: session.lobby,
                waitedMs: session.now - session.waitStart,
                reconnecting: session.reconnecting,
              },
              () => void leave(session),
            )
          : nothing;
      return statusTemplate({ state, ...statusWords(t, state), action, details });
    }
  }
}

export { entered } from './after-entry.ts';
export { statusStrings, statusStringsReady } from './status-strings.ts';
