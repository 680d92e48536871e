// <guest-access-manager> names what went wrong when the window cannot load, and what to do (issue 14
// item 3): the page's origin refused by the tenant, getToken failing, the server down, a token for
// another room.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { type Room, setupRoom } from './guest-access-manager.helpers.ts';

async function failureOf(attributes: { api: string; room: string; getToken: () => Promise<string> }) {
  const element = await fixture<GuestAccessManager>(
    html`<guest-access-manager
      api=${attributes.api}
      room=${attributes.room}
      lang="en"
      .getToken=${attributes.getToken}
    ></guest-access-manager>`,
  );
  const alert = await waitUntil(() => element.shadowRoot?.querySelector('[role="alert"]'), 'no error shown', {
    timeout: 8000,
  }).then(() => element.shadowRoot?.querySelector('[role="alert"]') as HTMLElement);
  await expect(element).to.be.accessible();
  return alert.textContent?.replace(/\s+/g, ' ') ?? '';
}

describe('<guest-access-manager> errors', () => {
  it('says when the tenant does not allow this page’s origin', async () => {
    const room = await executeServerCommand<Room, unknown>('ga:setup', {
      enabled: true,
      allowedOrigins: ['https://elsewhere.example'],
    });
    const text = await failureOf({ api: room.url, room: room.roomId, getToken: async () => room.hostToken });
    expect(text).to.include(`This page (${location.origin}) is not allowed to use the guest-access service`);
    expect(text).to.include("add it to the tenant's allowed origins");
  });

  it('says when getToken throws, and when it returns nothing', async () => {
    const room = await setupRoom({ enabled: true });
    const expected = 'This site could not provide a host token';
    const threw = await failureOf({
      api: room.url,
      room: room.roomId,
      getToken: async () => {
        throw new Error('token endpoint answered 403');
      },
    });
    expect(threw).to.include(expected);
    const empty = await failureOf({ api: room.url, room: room.roomId, getToken: async () => '' });
    expect(empty).to.include(expected);
  });

  it('says when the server cannot be reached', async () => {
    const text = await failureOf({
      api: 'http://127.0.0.1:9',
      room: 'room-1',
      getToken: async () => 'x.y.z',
    });
    expect(text).to.include('Cannot reach the server. Check your connection and try again.');
  });

  it('says when the host token is for another room', async () => {
    const room = await setupRoom({ enabled: true });
    const { token } = await executeServerCommand<{ token: string }, unknown>('ga:token', {
      tenantId: room.tenantId,
      room: 'another-room',
    });
    const text = await failureOf({ api: room.url, room: room.roomId, getToken: async () => token });
    expect(text).to.include("This page's host token is for another room");
  });
});
