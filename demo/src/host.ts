// The media page for signed-in people: site navigation, the host/moderator switch, and below the
// screen the Share window and the three-dot menu, both opening <guest-access-manager>.
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { en } from '../../widget/locales/en.ts';
import { hostTokenSource, type Identity } from './host-token.ts';
import { setUpMenu } from './menu.ts';
import { byId, type DemoRoom, showRoomHeading, showStatus } from './page.ts';

const IDENTITY_KEY = 'northwind:identity';
const LANGUAGE_KEY = 'northwind:language';

/** Events the element fires that the page logs, to show what an integrator can react to. */
const loggedEvents = [
  'guest-access-change',
  'guest-link-create',
  'guest-link-delete',
  'guest-link-copy',
  'guest-admit',
] as const;

/** Sets up the page for a signed-in person; resolves true once the media may be shown. */
export async function startHostPage(roomId: string): Promise<boolean> {
  const rooms: DemoRoom[] = (await (await fetch('/demo/api/rooms')).json()).rooms;
  const room = rooms.find((candidate) => candidate.id === roomId);
  renderNav(rooms, roomId);
  if (!room) {
    const message = 'This media does not exist.';
    showStatus(undefined, { state: 'access_removed', title: 'Media unavailable', message }, en, 'en');
    return false;
  }
  showRoomHeading(room, navigator.language);
  byId('room-description').textContent = room.description;

  const identitySelect = remembered(byId<HTMLSelectElement>('identity'), IDENTITY_KEY);
  const languageSelect = remembered(byId<HTMLSelectElement>('language'), LANGUAGE_KEY);
  const newManager = () => createManager(room.id, identitySelect.value as Identity, languageSelect.value);
  // `modal`: nothing shows until show(), but the element is on the page from the start, so its live
  // connection tells the host of knocks (its alert, and the badges below) with the window closed.
  let manager = newManager();
  byId('media').append(manager);
  const badges = showWaitingCount(() => manager);
  // A new identity means a new user: a new element rather than the old one's state.
  identitySelect.addEventListener('change', () => {
    manager.remove();
    manager = newManager();
    byId('media').append(manager);
    badges();
  });
  // The element's `lang` attribute switches its language (and direction) while it is open.
  languageSelect.addEventListener('change', () => manager.setAttribute('lang', languageSelect.value));
  const openManager = () => void manager.show();

  setUpShareWindow(openManager, room.type === 'channel');
  setUpMenu(byId<HTMLButtonElement>('more-button'), byId('more-menu'), (action) => {
    if (action === 'guest-access') openManager();
    else notify(`"${action === 'invite' ? 'Invite users' : 'Add to playlist'}" is not part of this demo.`);
  });
  for (const name of loggedEvents) document.addEventListener(name, (event) => logEvent(name, event));
  return true;
}

/** A select whose choice survives a reload (or a visit to another room). */
function remembered(select: HTMLSelectElement, key: string): HTMLSelectElement {
  select.value = localStorage.getItem(key) ?? select.value;
  select.addEventListener('change', () => localStorage.setItem(key, select.value));
  return select;
}

function createManager(room: string, identity: Identity, lang: string): GuestAccessManager {
  const manager = document.createElement('guest-access-manager');
  manager.setAttribute('api', location.origin);
  manager.setAttribute('room', room);
  manager.setAttribute('lang', lang);
  manager.setAttribute('modal', '');
  manager.setAttribute('title-badge', '');
  manager.getToken = hostTokenSource(room, identity);
  return manager;
}

/**
 * The waiting count as a badge on Share and on the menu's "Manage guest access", and in their
 * accessible names ("Share, 1 guest waiting"); follows the element's reflected `waiting-count`.
 * Returns the update, for when the element is replaced.
 */
function showWaitingCount(current: () => GuestAccessManager): () => void {
  const targets: Array<[HTMLElement, string]> = [
    [byId('share-button'), 'Share'],
    [
      document.querySelector<HTMLElement>('[data-action="guest-access"]') as HTMLElement,
      'Manage guest access',
    ],
  ];
  const update = () => {
    const count = current().waitingCount;
    for (const [target, name] of targets) {
      let badge = target.querySelector<HTMLElement>('.count-badge');
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'count-badge';
        badge.setAttribute('aria-hidden', 'true');
        target.append(badge);
      }
      badge.textContent = String(count);
      badge.hidden = count === 0;
      if (count === 0) target.removeAttribute('aria-label');
      else target.setAttribute('aria-label', `${name}, ${count} ${count === 1 ? 'guest' : 'guests'} waiting`);
    }
  };
  new MutationObserver(update).observe(byId('media'), {
    subtree: true,
    attributes: true,
    attributeFilter: ['waiting-count'],
  });
  update();
  return update;
}

function renderNav(rooms: DemoRoom[], current: string) {
  const list = byId('room-nav');
  list.replaceChildren(
    ...rooms.map((room) => {
      const link = document.createElement('a');
      link.href = `/demo/rooms/${encodeURIComponent(room.id)}`;
      link.textContent = room.navLabel;
      if (room.id === current) link.setAttribute('aria-current', 'page');
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
}

const CHANNEL_REASON = 'Guest access is not supported for channel rooms.';

/**
 * The Share window: a row of share icons with the guest-access icon at the far right; for a channel
 * room that icon is disabled with the reason as its tooltip (aria-disabled, so it stays focusable and
 * a press says why).
 */
function setUpShareWindow(openGuestAccess: () => void, channel: boolean) {
  const dialog = byId<HTMLDialogElement>('share-dialog');
  const status = byId('share-status');
  const guestAccessIcon = dialog.querySelector<HTMLButtonElement>('[data-share="guest-access"]');
  if (channel && guestAccessIcon) {
    guestAccessIcon.setAttribute('aria-disabled', 'true');
    guestAccessIcon.title = CHANNEL_REASON;
  }
  byId('share-button').addEventListener('click', () => {
    status.textContent = '';
    dialog.showModal();
  });
  byId('share-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', async (event) => {
    const share = (event.target as Element).closest<HTMLButtonElement>('[data-share]')?.dataset.share;
    if (share === 'guest-access' && channel) {
      status.textContent = CHANNEL_REASON;
    } else if (share === 'guest-access') {
      dialog.close();
      openGuestAccess();
    } else if (share === 'copy') {
      await navigator.clipboard.writeText(location.href).catch(() => undefined);
      status.textContent = 'Page link copied. Only signed-in members can open it.';
    } else if (share) {
      status.textContent = 'Not part of this demo. Try the guest access icon.';
    }
  });
}

function notify(message: string) {
  byId('notice').textContent = message;
}

function logEvent(name: string, event: Event) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify((event as CustomEvent).detail)}`;
  byId('event-log').prepend(item);
}
