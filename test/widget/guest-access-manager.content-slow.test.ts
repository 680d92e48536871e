// The manager's first load is its frame; the room's controller comes with the content's chunk
// (manager-content.ts). The room's first requests (its access, then its guest lists) go out as the element
// starts, beside that chunk, and the room's first load reads their answers once it has come: each asked
// once, getToken once. A room changed meanwhile is the one that opens.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { loaded, queryByRole, setupRoom } from './guest-access-manager.helpers.ts';
import { recordRequests } from './guest-access-manager.requests.ts';
import { holdModule } from './guest-entry-form.helpers.ts';

const CONTENT = '/widget/guest-access-manager/manager-content.ts';

describe('<guest-access-manager> while its content is on its way', () => {
  afterEach(() => holdModule(CONTENT, false));

  it('asks for the room before the content has come, and shows those answers without asking again', async () => {
    await holdModule(CONTENT, true);
    const first = await setupRoom({ enabled: true, links: [{ name: 'First' }] });
    const second = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const requests = recordRequests(first.url, { holdStreams: true });
    const sentFor = (room: typeof first, rest: string) =>
      requests.sent.filter((each) => each.url === `${room.url}/v1/rooms/${room.roomId}/${rest}`).length;
    const roomRequests = (room: typeof first) =>
      ['guest-access', 'guests?status=waiting', 'guests?status=admitted'].map((rest) => sentFor(room, rest));
    try {
      const element = await fixture<GuestAccessManager>(
        html`<guest-access-manager api=${first.url} room=${first.roomId} lang="en" token=${first.hostToken}></guest-access-manager>`,
      );
      await waitUntil(
        () => roomRequests(first).every((count) => count === 1),
        'no requests while the content is held',
      );
      expect(element.shadowRoot?.querySelector('[part~="skeleton"]'), 'no skeleton meanwhile').to.exist;

      // Another room (and a token from getToken) before the content has come: that one opens, not the first.
      const asked: boolean[] = [];
      element.token = '';
      element.getToken = async (refresh) => {
        asked.push(refresh);
        return second.hostToken;
      };
      element.room = second.roomId;
      await waitUntil(
        () => roomRequests(second).every((count) => count === 1),
        'the new room was not asked for',
      );
      await holdModule(CONTENT, false);
      await loaded(element);
      await waitUntil(() => queryByRole(element, 'button', 'Copy link “Press”'), 'the room did not show');
      expect(roomRequests(second), 'the room was asked for again').to.deep.equal([1, 1, 1]);
      expect(roomRequests(first), 'the first room was asked for after it changed').to.deep.equal([1, 1, 1]);
      expect(asked, 'getToken was asked again').to.deep.equal([false]);
    } finally {
      requests.restore();
    }
  });
});
