// <guest-access-manager> inside another site's iframe: Chromium logs "Blocked autofocusing … in a
// cross-origin subframe" as a console error for every `autofocus` attribute rendered there, so the inner
// windows focus their first control themselves; and browsers refuse notifications there, which no setting
// changes, so the waiting room does not offer them.
import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../widget/locales/en.ts';
import { byRole, openManager, queryByRole, setupRoom } from './guest-access-manager.helpers.ts';

describe('<guest-access-manager> in an iframe', () => {
  it('renders no autofocus attribute, and its windows still focus their first control', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    byRole(element, 'button', 'Create new link').click();
    await waitUntil(() => queryByRole(element, 'textbox', 'Link Name'), 'no create window');
    expect(element.shadowRoot?.querySelectorAll('[autofocus]').length).to.equal(0);
    await waitUntil(
      () => element.shadowRoot?.activeElement === byRole(element, 'textbox', 'Link Name'),
      'the name field is not focused',
    );
  });
});

describe('<guest-access-manager> in a frame on another origin than the page', () => {
  it('says browser notifications cannot be used there, and offers neither the button nor a setting to change', async () => {
    // The test page's server under its other name: another origin, the same files.
    const framed = new URL(location.href);
    framed.hostname = framed.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const room = await setupRoom({ enabled: true, allowedOrigins: [location.origin, framed.origin] });
    const fragment = encodeURIComponent(
      JSON.stringify({ api: room.url, room: room.roomId, token: room.hostToken }),
    );
    const frame = Object.assign(document.createElement('iframe'), {
      src: `${framed.origin}/test/widget/fixtures/manager-frame.html#${fragment}`,
    });
    const reported = new Promise<{ button: string | null; note: string[] }>((resolve) => {
      const heard = (event: MessageEvent) => {
        if (event.origin !== framed.origin) return;
        removeEventListener('message', heard);
        resolve(event.data);
      };
      addEventListener('message', heard);
    });
    document.body.append(frame);
    try {
      const { button, note } = await reported;
      expect(button).to.equal(null);
      expect(note).to.include(en.content.notify.framed);
      expect(note).not.to.include(en.content.notify.denied);
    } finally {
      frame.remove();
    }
  });
});
