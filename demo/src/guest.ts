// The media page in guest mode: the room's joinUrl, reached from the entry page with the guest-session
// token in the URL fragment (`#session=…`). The page keeps the token in sessionStorage so a refresh
// re-validates it, takes it out of the address bar, and shows the media only while the API says the
// guest is admitted: no site navigation, no Share or host controls.
import {
  ApiClient,
  ApiRequestError,
  type GuestSession,
  type GuestStatus,
  type RoomSchedule,
} from '../../widget/internal/api-client.ts';
import { toLanguage } from '../../widget/internal/localize.ts';
import { en } from '../../widget/locales/en.ts';
import { es } from '../../widget/locales/es.entry.ts';
import { he } from '../../widget/locales/he.entry.ts';
import { byId, showUnavailable as showPage } from './page.ts';
import { showRoomHeading } from './schedule.ts';

const sessionKey = (roomId: string) => `northwind:guest-session:${roomId}`;

/**
 * The guest page's language: the site's language selector (host.ts remembers its choice under this
 * key; guests don't see it), else the browser's, as the entry page picks it from Accept-Language.
 */
const language = toLanguage(localStorage.getItem('northwind:language') ?? navigator.language);
const t = { en, es, he }[language];

/** The demo page's own sentences, beside the entry form's. */
const pageText = {
  en: {
    left: 'You left the session. Open your guest link again to rejoin.',
    watching: 'You are watching as a guest. Interaction is limited to watching.',
  },
  es: {
    left: 'Has salido de la sesión. Vuelve a abrir tu enlace de invitado para entrar de nuevo.',
    watching: 'Estás viendo como invitado. Solo puedes ver la sesión.',
  },
  he: {
    left: 'יצאתם מהמפגש. פתחו שוב את קישור האורח כדי להצטרף מחדש.',
    watching: 'אתם צופים כאורחים. אפשר רק לצפות.',
  },
}[language];

/** The removed page in the guest's language (and direction). */
function showUnavailable(room: RoomSchedule | undefined, message: string): void {
  const removed = byId('removed');
  removed.lang = language;
  removed.dir = t.dir;
  if (!room) byId('removed-title').textContent = t.entry.unavailableTitle;
  showPage(room, message);
}

/** Why a guest who is not (or no longer) admitted cannot watch. */
function whyNot(status: GuestStatus): string {
  if (status === 'removed') return t.entry.removed;
  if (status === 'denied') return t.entry.denied;
  if (status === 'left') return pageText.left;
  return t.entry.accessRemoved;
}

/** Resolves once the media may be shown (the guest is admitted); otherwise shows why not. */
export async function startGuestPage(roomId: string): Promise<boolean> {
  const token = takeSessionToken(roomId);
  if (!token) {
    showUnavailable(undefined, t.entry.accessRemoved);
    return false;
  }
  const client = new ApiClient(location.origin, () => token);
  let session: GuestSession;
  try {
    session = await client.request<GuestSession>('GET', '/v1/guest/session');
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'network') {
      showUnavailable(undefined, t.common.networkDown);
    } else {
      showUnavailable(roomOf(error), t.entry.accessRemoved);
    }
    return false;
  }
  if (session.guest.status !== 'admitted') {
    showUnavailable(session.room, whyNot(session.guest.status));
    return false;
  }

  showRoomHeading(session.room, byId('room-title'), byId('room-schedule'));
  byId('guest-name').textContent = session.guest.name;
  byId('guest-badge').hidden = false;
  const description = byId('room-description');
  description.textContent = pageText.watching;
  description.lang = language;
  const stream = followStatus(client, session.room);
  byId('leave-button').addEventListener('click', async () => {
    stream.abort();
    await client.request('DELETE', '/v1/guest/session').catch(() => undefined);
    sessionStorage.removeItem(sessionKey(roomId));
    showUnavailable(session.room, whyNot('left'));
  });
  return true;
}

/** The token from the fragment (kept for refreshes, removed from the URL), else the stored one. */
function takeSessionToken(roomId: string): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('session');
  if (fromFragment) {
    sessionStorage.setItem(sessionKey(roomId), fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(sessionKey(roomId));
}

/**
 * A moderator's removal (or leaving in another tab) ends the session at once; a deleted link waits
 * for a refresh (SPEC rule 6). Returns what stops following.
 */
function followStatus(client: ApiClient, room: RoomSchedule): AbortController {
  const stop = new AbortController();
  client.follow(
    '/v1/guest/events',
    {
      onEvent: (name, data) => {
        const status = (data as { status?: GuestStatus }).status;
        if (name === 'status' && status && status !== 'admitted' && status !== 'waiting') {
          stop.abort();
          showUnavailable(room, whyNot(status));
        }
      },
    },
    stop.signal,
  );
  return stop;
}

/** The room of a `link_unavailable` answer, which names it only where the link was real. */
function roomOf(error: unknown): RoomSchedule | undefined {
  return error instanceof ApiRequestError ? (error.body.room as RoomSchedule | undefined) : undefined;
}
