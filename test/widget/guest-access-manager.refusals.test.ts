// <guest-access-manager>: every refusal is explained (never a blank or frozen window), and host tokens
// are refreshed through getToken.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  byRole,
  createLinkThroughWindow,
  linkRows,
  loaded,
  mintToken,
  openManager,
  queryByRole,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const alertText = (element: GuestAccessManager) => byRole(element, 'alert').textContent ?? '';

describe('<guest-access-manager> refusals', () => {
  it('explains that guest access is not supported for channel rooms', async () => {
    const room = await setupRoom({ type: 'channel' });
    const element = await openManager(room);

    expect(alertText(element)).to.include('Guest access is not supported for channel rooms.');
    expect(queryByRole(element, 'switch', 'Enable guest access')).to.be.undefined;
  });

  it('names the Invitetomedia module when it is off', async () => {
    const room = await setupRoom({ modules: { inviteToMedia: false } });
    const element = await openManager(room);

    expect(alertText(element)).to.include('requires the Invitetomedia module');
    expect(alertText(element)).to.include('Ask your administrator to enable it');
  });

  it("names the Theming module's mediapage feature when it is off", async () => {
    const room = await setupRoom({ modules: { theming: { mediaPage: false } } });
    const element = await openManager(room);

    expect(alertText(element)).to.include("Theming module with the 'mediapage' feature set to 'Yes'");
  });

  it('tells a host without permission that only permitted users can manage guest access', async () => {
    const room = await setupRoom({ enabled: true, perms: [] });
    const element = await openManager(room);

    expect(alertText(element)).to.include('Only permitted users can manage guest access.');
    expect(queryByRole(element, 'table')).to.be.undefined;
  });

  it('shows a host who may only admit guests a read-only view of the links, saying why', async () => {
    const room = await setupRoom({ enabled: true, perms: ['guests:admit'], links: [{ name: 'Press' }] });
    const element = await openManager(room);

    expect(element.shadowRoot?.textContent).to.include(
      "You can see this room's guest links but not change them",
    );
    expect(byRole<HTMLInputElement>(element, 'switch', 'Enable guest access').disabled).to.be.true;
    expect(queryByRole(element, 'button', 'Create new link')).to.be.undefined;
    expect(queryByRole(element, 'button', 'Delete link “Press”')).to.be.undefined;
    expect(byRole(element, 'button', 'Copy link “Press”')).to.exist;
    expect(byRole(element, 'heading', 'Waiting room')).to.exist;
    expect(linkRows(element)[0][0]).to.equal('Press');
  });

  it('says the session has expired when a fixed token is refused', async () => {
    const room = await setupRoom({ enabled: true });
    const expired = await mintToken(room, { ttlSeconds: -60 });
    const element = await fixture<GuestAccessManager>(
      html`<guest-access-manager api=${room.url} room=${room.roomId} token=${expired}></guest-access-manager>`,
    );
    await loaded(element);

    expect(alertText(element)).to.include('Your session has expired.');
    expect(byRole(element, 'button', 'Try again')).to.exist;
  });

  it("gives whoever set the page up the server's reason in the console, beside the host's sentence", async () => {
    const room = await setupRoom({ enabled: true });
    const token = await mintToken(room, {});
    // A signature that is not the tenant's (a backend with the wrong secret): the host sees the expiry sentence.
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const warned: string[] = [];
    const { warn } = console;
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    try {
      const element = await fixture<GuestAccessManager>(
        html`<guest-access-manager api=${room.url} room=${room.roomId} token=${forged}></guest-access-manager>`,
      );
      await loaded(element);
      expect(alertText(element)).to.include('Your session has expired.');
    } finally {
      console.warn = warn;
    }
    expect(warned).to.have.lengthOf(1);
    expect(warned[0]).to.include(`room "${room.roomId}" could not load: unauthorized (401)`);
    expect(warned[0]).to.include('The host token signature is not valid.');
  });

  it('asks getToken for a fresh token when a request answers 401, and carries on', async () => {
    const room = await setupRoom({ enabled: true });
    const expired = await mintToken(room, { ttlSeconds: -60 });
    const asked: boolean[] = [];
    const element = await openManager(room, {
      getToken: async (refresh) => {
        asked.push(refresh);
        return refresh ? room.hostToken : expired;
      },
    });

    expect(asked.slice(0, 2)).to.deep.equal([false, true]);
    await createLinkThroughWindow(element, { name: 'After refresh' });
    expect(asked.filter((refresh) => refresh)).to.have.length(1);
  });

  it('asks getToken for a fresh token shortly before the current one expires', async () => {
    const room = await setupRoom({ enabled: true });
    const shortLived = await mintToken(room, { ttlSeconds: 2 });
    const asked: boolean[] = [];
    await openManager(room, {
      getToken: async (refresh) => {
        asked.push(refresh);
        return refresh ? room.hostToken : shortLived;
      },
    });

    expect(asked).to.deep.equal([false]);
    await waitUntil(() => asked.includes(true), 'no refresh before expiry', { timeout: 3000 });
  });

  it('SPEC rule 7: offers "Try again" only where a retry can help — not for a channel room, a module off or no permission', async () => {
    const refusals = [
      await setupRoom({ type: 'channel' }),
      await setupRoom({ modules: { inviteToMedia: false } }),
      await setupRoom({ modules: { theming: { mediaPage: false } } }),
      await setupRoom({ enabled: true, perms: [] }),
    ];
    for (const room of refusals) {
      const element = await openManager(room);
      expect(alertText(element)).not.to.equal('');
      expect(queryByRole(element, 'button', 'Try again'), alertText(element)).to.be.undefined;
    }
  });

  it('offers to try again when the server cannot be reached, and recovers', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager({ ...room, url: 'http://127.0.0.1:9' });

    expect(alertText(element)).to.include('Cannot reach the server.');
    byRole(element, 'button', 'Try again').click();
    await waitUntil(() => queryByRole(element, 'alert'), 'blank after retry');

    element.api = room.url;
    await waitUntil(() => queryByRole(element, 'table'), 'did not recover');
  });
});
