// The media page in guest mode: the room's joinUrl, reached from the entry page with the guest-session
// token in the URL fragment (`#session=…`). The page keeps the token in sessionStorage so a refresh
// re-validates it, takes it out of the address bar, and shows the media only while the API says the
// guest is admitted (watchGuestSession, which also keeps the guest's presence): no site navigation, no Share
// or host controls.
import {
  type GuestSession,
  type GuestStatus,
  type RoomSchedule,
  watchGuestSession,
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
export function startGuestPage(roomId: string): Promise<boolean> {
  const token = takeSessionToken(roomId);
  if (!token) {
    showUnavailable(undefined, t.entry.accessRemoved);
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    // Verifies the session and keeps the guest's presence connection while they watch.
    const watch = watchGuestSession({
      api: location.origin,
      session: token,
      onChange: (change) => {
        if (change.state === 'admitted') {
          showMedia(change.session, async () => {
            await watch.leave();
            sessionStorage.removeItem(sessionKey(roomId));
            showUnavailable(change.session.room, whyNot('left'));
          });
          resolve(true);
          return;
        }
        if (change.state === 'unreachable') showUnavailable(undefined, t.common.networkDown);
        else if (change.state === 'access_removed')
          showUnavailable(change.room ?? undefined, t.entry.accessRemoved);
        else if (change.state === 'removed') showUnavailable(change.room ?? undefined, whyNot(change.status));
        else showUnavailable(change.session.room, whyNot(change.session.guest.status));
        resolve(false);
      },
    });
  });
}

/** The guest's view of the room: heading, badge, and a Leave button. */
function showMedia(session: GuestSession, leave: () => Promise<void>): void {
  showRoomHeading(session.room, byId('room-title'), byId('room-schedule'));
  byId('guest-name').textContent = session.guest.name;
  byId('guest-badge').hidden = false;
  const description = byId('room-description');
  description.textContent = pageText.watching;
  description.lang = language;
  byId('leave-button').addEventListener('click', () => void leave(), { once: true });
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
