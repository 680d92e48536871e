// The typed client's room calls, for an app that builds its own host screens: the switch, a new link,
// and deciding on guests, against the real server.
import { expect } from '@open-wc/testing';
import { ApiClient, ApiRequestError } from '../../widget/internal/api-client.ts';
import { callApi, setupRoom } from './guest-entry-form.helpers.ts';

const arrive = async (url: string, name: string) => {
  const token = new URL(url).pathname.split('/').pop() as string;
  const answer = await callApi({
    method: 'POST',
    path: `/v1/links/${token}/guests`,
    body: { name, email: `${name.toLowerCase()}@example.com` },
  });
  return (answer.body as { guest: { id: string } }).guest.id;
};

describe('ApiClient room calls', () => {
  it('turns guest access on, creates a link and decides on the guests who came through it', async () => {
    const room = await setupRoom({ enabled: false });
    const client = new ApiClient(room.url, () => room.hostToken);
    const refused = await client.createLink(room.roomId, { name: 'Press' }).catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(ApiRequestError);
    expect((refused as ApiRequestError).code).to.equal('guest_access_disabled');

    expect((await client.setGuestAccess(room.roomId, { enabled: true })).enabled).to.equal(true);
    const link = await client.createLink(room.roomId, { name: 'Press', maxUses: 5 });
    expect([link.name, link.maxUses]).to.deep.equal(['Press', 5]);
    expect((await client.getGuestAccess(room.roomId)).links.map((each) => each.id)).to.include(link.id);

    const [ada, bo, cy] = [
      await arrive(link.url, 'Ada'),
      await arrive(link.url, 'Bo'),
      await arrive(link.url, 'Cy'),
    ];
    expect((await client.decideGuest(room.roomId, ada, 'admit')).status).to.equal('admitted');
    expect((await client.decideGuest(room.roomId, bo, 'deny')).status).to.equal('denied');
    expect((await client.admitAllGuests(room.roomId)).map((guest) => guest.id)).to.deep.equal([cy]);
  });
});
