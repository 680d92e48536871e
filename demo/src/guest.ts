// The media page in guest mode: the room's joinUrl, reached from the entry page with the guest-session
// token in the URL fragment (`#session=…`). The page keeps the token in sessionStorage so a refresh
// re-validates it, takes it out of the address bar, and shows the media only while the API says the
// guest is admitted (watchGuestSession, which also keeps the guest's presence): no site navigation, no Share
// or host controls. Everything a guest reads is in their language, the end states in the entry page's
// own status template.
import { html, render } from 'lit';
import {
  type GuestSession,
  type GuestStatus,
  type RoomSchedule,
  watchGuestSession,
} from '../../widget/internal/api-client.ts';
import { toLanguage } from '../../widget/internal/localize.ts';
import { type GuestState, statusWords } from '../../widget/internal/status.ts';
import { en } from '../../widget/locales/en.ts';
import { es } from '../../widget/locales/es.entry.ts';
import { status as esStatus } from '../../widget/locales/es.status.ts';
import { he } from '../../widget/locales/he.entry.ts';
import { status as heStatus } from '../../widget/locales/he.status.ts';
import { byId, showRoomHeading, showStatus } from './page.ts';

const sessionKey = (roomId: string) => `northwind:guest-session:${roomId}`;

/**
 * The guest page's language: the site's language selector (host.ts remembers its choice under this
 * key; guests don't see it), else the browser's, as the entry page picks it from Accept-Language.
 */
let language = toLanguage(localStorage.getItem('northwind:language') ?? navigator.language);
const translations = { en, es: { ...es, status: esStatus }, he: { ...he, status: heStatus } };
let t = translations[language];

/** The demo page's own words around the player (the site's chrome), beside the entry form's. */
const pageTexts = {
  en: {
    watchingAs: 'Watching as a guest:',
    viewers: (count: string) => `${count} watching`,
    leave: 'Leave session',
    live: 'Live',
    video: 'Session video',
    watching: 'You are watching as a guest. Interaction is limited to watching.',
    about: 'About this session',
    agenda: 'Agenda',
    time: 'Time',
    topic: 'Topic',
    topics: ['Welcome and introductions', 'Keynote', 'Questions from the audience'],
  },
  es: {
    watchingAs: 'Viendo como invitado:',
    viewers: (count: string) => `${count} espectadores`,
    leave: 'Salir de la sesión',
    live: 'En directo',
    video: 'Vídeo de la sesión',
    watching: 'Estás viendo como invitado. Solo puedes ver la sesión.',
    about: 'Acerca de esta sesión',
    agenda: 'Programa',
    time: 'Hora',
    topic: 'Tema',
    topics: ['Bienvenida y presentaciones', 'Ponencia principal', 'Preguntas del público'],
  },
  he: {
    watchingAs: 'צופים כאורחים:',
    viewers: (count: string) => `${count} צופים`,
    leave: 'יציאה מהמפגש',
    live: 'בשידור חי',
    video: 'וידאו של המפגש',
    watching: 'אתם צופים כאורחים. אפשר רק לצפות.',
    about: 'על המפגש',
    agenda: 'סדר יום',
    time: 'שעה',
    topic: 'נושא',
    topics: ['פתיחה והיכרות', 'הרצאה מרכזית', 'שאלות מהקהל'],
  },
};
let pageText = pageTexts[language];

/** The player's viewer count in the guest's language. */
export const guestViewersLabel = (count: number) =>
  pageText.viewers(new Intl.NumberFormat(language).format(count));

/** The page's language and direction, and the chrome's words in it. */
function translateChrome(): void {
  document.documentElement.lang = language;
  document.documentElement.dir = t.dir;
  byId('leave-button').textContent = pageText.leave;
  byId('about-heading').textContent = pageText.about;
  const text = (selector: string, value: string) => {
    const element = document.querySelector(selector);
    if (element) element.textContent = value;
  };
  text('.live-badge', pageText.live);
  text('.agenda caption', pageText.agenda);
  text('.agenda th:first-child', pageText.time);
  text('.agenda th:last-child', pageText.topic);
  document.querySelector('.screen')?.setAttribute('aria-label', pageText.video);
  for (const [index, cell] of document.querySelectorAll('.agenda tbody td:last-child').entries())
    cell.textContent = pageText.topics[index] ?? cell.textContent;
}

/** Why a guest who is not (or no longer) admitted cannot watch, as the entry page says it. */
function stateOf(status: GuestStatus): GuestState {
  if (status === 'removed' || status === 'denied') return status;
  if (status === 'left') return 'session_left';
  return 'access_removed';
}

function showEnd(room: RoomSchedule | undefined, state: GuestState): void {
  // Offline is the one state with something to try: loading the page again re-validates the session.
  const action =
    state === 'offline'
      ? { label: t.common.retry, part: 'retry-button', run: () => location.reload() }
      : undefined;
  // The guest may switch language here, as on the entry page's own access-removed page.
  showStatus(room, { state, ...statusWords(t, state), action }, t, language, (chosen) => {
    language = chosen;
    t = translations[chosen];
    pageText = pageTexts[chosen];
    translateChrome();
    showEnd(room, state);
  });
}

/** Resolves once the media may be shown (the guest is admitted); otherwise shows why not. */
export function startGuestPage(roomId: string): Promise<boolean> {
  translateChrome();
  const token = takeSessionToken(roomId);
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
            showEnd(change.session.room, 'session_left');
          });
          resolve(true);
          return;
        }
        if (change.state === 'unreachable') showEnd(undefined, 'offline');
        // Opened without a guest pass (a bookmark, the address retyped): nothing to watch here.
        else if (change.state === 'no_session') showEnd(undefined, 'access_removed');
        else if (change.state === 'access_removed') showEnd(change.room ?? undefined, 'access_removed');
        else if (change.state === 'removed') showEnd(change.room ?? undefined, stateOf(change.status));
        else showEnd(change.session.room, stateOf(change.session.guest.status));
        resolve(false);
      },
    });
  });
}

/** The guest's view of the room: heading, badge, and a Leave button. */
function showMedia(session: GuestSession, leave: () => Promise<void>): void {
  showRoomHeading(session.room, language);
  const badge = byId('guest-badge');
  badge.replaceChildren();
  render(html`${pageText.watchingAs} <strong><bdi>${session.guest.name}</bdi></strong>`, badge);
  badge.hidden = false;
  byId('room-description').textContent = pageText.watching;
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
