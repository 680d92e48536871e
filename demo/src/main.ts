// The demo media page's script (the page allows no inline script). `/demo/rooms/:roomId` is the page
// for signed-in people; with `?guest` it is the room's joinUrl, where admitted guests watch.
import { guestViewersLabel, startGuestPage } from './guest.ts';
import { startHostPage } from './host.ts';
import { byId, showMode } from './page.ts';
import { startPlayer } from './player.ts';

const roomId = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const guestMode = new URLSearchParams(location.search).has('guest');

showMode(guestMode ? 'guest' : 'host');
if (guestMode ? await startGuestPage(roomId) : await startHostPage(roomId)) {
  byId('media').hidden = false;
  // The host's page is the site's own, in English; the guest's follows the guest's language.
  const viewersLabel = guestMode ? guestViewersLabel : (count: number) => `${count} watching`;
  startPlayer(byId<HTMLCanvasElement>('player'), byId('viewers'), viewersLabel);
}
