// The admitted guest's page (the room's joinUrl): verify the guest-session token, then keep the presence
// connection (the guest's event stream, reconnected when it drops) and report what ends the visit.
import {
  ApiClient,
  ApiRequestError,
  type GuestSession,
  type GuestStatus,
  type RoomSchedule,
} from './api-client.ts';
import { isUnreached } from './api-request.ts';

export type GuestSessionChange =
  /** Verified and admitted: show the media. */
  | { state: 'admitted'; session: GuestSession }
  /** Not admitted yet: the guest belongs on the entry page's waiting view. */
  | { state: 'waiting'; session: GuestSession }
  /** A moderator removed or denied the guest, or they left (here or in another tab): stop the media at once. */
  | { state: 'removed'; status: Exclude<GuestStatus, 'admitted' | 'waiting'>; room: RoomSchedule | null }
  /** The link was deleted, expired or guest access turned off (seen on verification, i.e. a refresh). */
  | { state: 'access_removed'; room: RoomSchedule | null }
  /** The API could not be reached to verify the session. */
  | { state: 'unreachable' }
  /** No session was given (the joinUrl opened without `#session=`, e.g. from a bookmark): nothing was sent. */
  | { state: 'no_session' };

export interface WatchGuestSessionOptions {
  /** The API's base URL. */
  api: string;
  /** The guest-session token (from the joinUrl's `#session=` fragment); none is reported as `no_session`. */
  session: string | null;
  onChange: (change: GuestSessionChange) => void;
  /** Aborting stops watching, as `stop()` does. */
  signal?: AbortSignal;
}

export interface GuestSessionWatch {
  /** Closes the presence connection (the guest shows offline; an admitted guest stays admitted). */
  stop(): void;
  /** Leaves the session for good (the guest becomes left) and stops watching. */
  leave(): Promise<void>;
}

const isEnded = (status: GuestStatus): status is Exclude<GuestStatus, 'admitted' | 'waiting'> =>
  status !== 'admitted' && status !== 'waiting';

/**
 * Verifies the session, then keeps the guest's presence connection open while admitted, reconnecting with
 * backoff when it drops, and calls `onChange` with `admitted`, then `removed` or `access_removed` when the
 * visit ends. Every path ends the connection: an ending change, `stop()`, `leave()` or the signal.
 */
export function watchGuestSession(options: WatchGuestSessionOptions): GuestSessionWatch {
  const token = options.session;
  const client = new ApiClient(options.api, () => token ?? '');
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  controller.signal.addEventListener('abort', () => options.signal?.removeEventListener('abort', stop));
  // Only the first ending change is reported; after it (or stop) nothing more.
  let ended = false;
  const report = (change: GuestSessionChange) => {
    if (ended || controller.signal.aborted) return;
    if (change.state !== 'admitted') {
      ended = true;
      stop();
    }
    options.onChange(change);
  };

  void (async () => {
    // Reported after this call returns, as every other change is.
    if (!token) return Promise.resolve().then(() => report({ state: 'no_session' }));
    let session: GuestSession;
    try {
      session = await client.request<GuestSession>('GET', '/v1/guest/session', { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      // No answer, or not the API's (a wrong `api`): the service was not reached.
      if (error instanceof ApiRequestError && isUnreached(error)) return report({ state: 'unreachable' });
      const room =
        error instanceof ApiRequestError ? (error.body.room as RoomSchedule | undefined) : undefined;
      return report({ state: 'access_removed', room: room ?? null });
    }
    const status = session.guest.status;
    if (isEnded(status)) return report({ state: 'removed', status, room: session.room });
    if (status === 'waiting') return report({ state: 'waiting', session });
    report({ state: 'admitted', session });
    // The open stream is the guest's presence; it reconnects when dropped, until the visit ends.
    await client.follow(
      '/v1/guest/events',
      {
        onEvent: (name, data) => {
          const next = (data as { status?: GuestStatus } | null)?.status;
          if (name === 'status' && next && isEnded(next))
            report({ state: 'removed', status: next, room: session.room });
        },
        onError: () => report({ state: 'access_removed', room: session.room }),
        // A stream the server ended without a final status (a restart) is reopened: presence must last.
        reconnectOnEnd: true,
      },
      controller.signal,
    );
  })();

  return {
    stop,
    async leave() {
      stop();
      if (token) await client.request('DELETE', '/v1/guest/session').catch(() => undefined);
    },
  };
}
