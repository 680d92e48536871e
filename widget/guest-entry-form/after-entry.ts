// The guest's way once the API has let them in (after a submit, or a stored session): the lobby stream
// and the moderator's decisions, the hand-off to the room, leaving and asking again. It comes with the
// views after the form (status-view.ts), in the content's chunk (entry-view.ts).
import type { GuestSession, GuestStatus, Lobby } from '../internal/api-client.ts';
import { ApiRequestError } from '../internal/api-request.ts';
import { followEvents } from '../internal/event-stream.ts';
import type { Entered, GuestSessionController } from './guest-session.ts';

/** The room's joinUrl with the guest-session token in the fragment, which never reaches a server log. */
function joinUrlWithSession(joinUrl: string, session: string): string | undefined {
  const url = new URL(joinUrl, location.href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = `session=${encodeURIComponent(session)}`;
  return url.href;
}

/** Shows the entered guest's status and, while they wait or are in, follows the lobby stream. */
export function entered(controller: GuestSessionController, status: GuestStatus, signal: AbortSignal) {
  show(controller, status);
  if (status === 'waiting' || status === 'admitted') void follow(controller, signal);
}

function show(controller: GuestSessionController, status: GuestStatus) {
  if (status === 'admitted') return handOff(controller);
  if (status === 'left') controller.forget();
  controller.go(status);
}

/** Follows the lobby stream; the server sends the current status first, then each decision. */
async function follow(controller: GuestSessionController, signal: AbortSignal) {
  const { session } = controller.entered as Entered;
  await followEvents(
    controller.client(session),
    'v1/guest/events',
    {
      onEvent: (name, data) => {
        if (name === 'status') decide(controller, (data as { status: GuestStatus }).status);
        else if (name === 'lobby') {
          controller.lobby = data as Lobby;
          controller.host.requestUpdate();
        }
      },
      onError: (error) => controller.fail(error),
      onOpen: () => reconnecting(controller, false),
      onDrop: () => reconnecting(controller, true),
    },
    signal,
  );
  // The server ended the stream while the guest still waits (a restart, a proxy): the connection is lost, so
  // follow it again, its first event being the status as it is now, and a server still away is retried with
  // backoff while the guest keeps their place (not a "check your connection" page).
  if (!signal.aborted && controller.state === 'waiting') {
    reconnecting(controller, true);
    controller.retryTimer = setTimeout(() => signal.aborted || void follow(controller, signal), 1000);
  }
}

function reconnecting(controller: GuestSessionController, lost: boolean) {
  if (controller.reconnecting === lost) return;
  controller.reconnecting = lost;
  controller.host.requestUpdate();
}

function decide(controller: GuestSessionController, status: GuestStatus) {
  const entered = controller.entered;
  if (!entered || entered.guest.status === status) return;
  controller.focusNext = true;
  // The room's joinUrl comes only with an admitted session, Ask again's state with the session: fetch it.
  if (status === 'admitted' || status === 'denied') return void controller.resume();
  entered.guest = { ...entered.guest, status };
  show(controller, status);
}

function handOff(controller: GuestSessionController) {
  const { guest, room, session } = controller.entered as Entered;
  controller.go('admitted');
  const proceed = controller.announceAdmitted({ guest, room, session });
  const target = proceed && room.joinUrl ? joinUrlWithSession(room.joinUrl, session) : undefined;
  controller.navigating = !!target;
  if (target) location.assign(target);
}

export async function leave(controller: GuestSessionController) {
  const entered = controller.entered;
  if (!entered) return;
  controller.focusNext = true;
  const signal = controller.newRun(); // the moderator's decision no longer matters to this guest
  try {
    await controller.client(entered.session).request('DELETE', 'v1/guest/session', { signal });
  } catch {
    // Leave on this side anyway: the guest asked to go, and the session is forgotten below.
  }
  controller.forget();
  controller.go('left');
}

/** A denied guest asks again: back to waiting (no new use), or the countdown the server asks for. */
export async function askAgain(controller: GuestSessionController) {
  const entered = controller.entered;
  if (!entered) return;
  controller.focusNext = true;
  const signal = controller.newRun();
  try {
    const session = await controller
      .client(entered.session)
      .request<GuestSession>('POST', 'v1/guest/session/knock', { signal });
    controller.enter({ ...session, session: entered.session }, signal);
  } catch (error) {
    if (signal.aborted) return;
    if (error instanceof ApiRequestError && error.code === 'rate_limited') {
      const availableAt = error.retryAfter
        ? new Date(Date.now() + error.retryAfter * 1000).toISOString()
        : null;
      controller.knock = { left: availableAt ? (controller.knock?.left ?? 1) : 0, availableAt };
      controller.host.requestUpdate();
      return;
    }
    controller.fail(error);
  }
}
