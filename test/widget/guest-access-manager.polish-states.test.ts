// <guest-access-manager> stays put and shows its states (issue 13, items 5 and 6): skeleton rows while
// loading, a modal window anchored to the top under a sticky head, spinners in busy buttons instead of
// dimming, and the channel refusal on its own, evenly padded.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  byRole,
  fillCreateForm,
  loaded,
  openManager,
  openWindow,
  queryByRole,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const shadow = (element: GuestAccessManager) => element.shadowRoot as ShadowRoot;

describe('<guest-access-manager> states', () => {
  it('shows skeleton rows while loading, then the table in their place', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    let release = () => {};
    const token = new Promise<string>((resolve) => {
      release = () => resolve(room.hostToken);
    });
    const element = await fixture<GuestAccessManager>(html`<guest-access-manager
      api=${room.url}
      room=${room.roomId}
      lang="en"
      .getToken=${() => token}
    ></guest-access-manager>`);

    await waitUntil(() => shadow(element).querySelector('.skeleton'), 'no skeleton');
    const skeleton = shadow(element).querySelector('.skeleton') as HTMLElement;
    expect(skeleton.checkVisibility()).to.be.true;
    expect(skeleton.querySelectorAll('.row-bone').length).to.equal(3);
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect(byRole(element, 'status').textContent).to.equal('Loading…');
    expect(shadow(element).querySelector('table')).to.equal(null);
    await expect(element).to.be.accessible();

    release();
    await loaded(element);
    expect(shadow(element).querySelector('.skeleton')).to.equal(null);
  });

  it('keeps the modal window anchored to the top under a sticky head when its content changes', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await element.show();
    const dialog = shadow(element).querySelector('dialog.main-window') as HTMLElement;
    const head = dialog.querySelector('.window-head') as HTMLElement;
    const top = dialog.getBoundingClientRect().top;

    expect(getComputedStyle(head).position).to.equal('sticky');
    expect(head.querySelector('[part~="close-button"]')).to.exist;
    // Turning access off adds a note and chips: the window grows downwards, its top stays.
    byRole(element, 'switch', 'Enable guest access').click();
    await waitUntil(() => shadow(element).querySelector('[part~="note"]'), 'no off note');
    expect(dialog.getBoundingClientRect().top).to.equal(top);

    // Scrolled, the head (with its close button) stays in view.
    dialog.scrollTop = dialog.scrollHeight;
    expect(head.getBoundingClientRect().top).to.be.at.least(dialog.getBoundingClientRect().top - 1);
    element.close();
  });

  it('shows a spinner inside a busy button and keeps its label legible (no dimming)', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    await openWindow(element, 'Create new link');

    const create = await fillCreateForm(element, { name: 'Guest speakers' });
    await element.updateComplete;

    expect(create.disabled).to.be.true;
    expect(create.getAttribute('aria-busy')).to.equal('true');
    expect(create.querySelector('.spinner')?.checkVisibility()).to.be.true;
    expect(create.textContent?.trim()).to.equal('Create');
    expect(getComputedStyle(create).opacity).to.equal('1');
    expect(getComputedStyle(create).backgroundColor).to.equal(
      getComputedStyle(shadow(element).querySelector('[part~="create-button"]') as HTMLElement)
        .backgroundColor,
    );
    await waitUntil(() => !queryByRole(element, 'dialog', 'Create new link'), 'window not closed');
  });

  it('shows the channel refusal alone (no "Up to 3 guest links" above it), evenly padded', async () => {
    const room = await setupRoom({ type: 'channel' });
    const element = await openManager(room);
    const alert = byRole(element, 'alert');

    expect(alert.textContent).to.include('Guest access is not supported for channel rooms.');
    expect(shadow(element).textContent).not.to.include('Up to 3 guest links');
    const style = getComputedStyle(alert);
    const block = [style.paddingTop, style.paddingBottom];
    expect(block[0]).to.equal(block[1]);
    // The inline start has the coloured rule; the padding inside it matches the others.
    expect(style.paddingLeft).to.equal(style.paddingTop);
    expect(style.paddingRight).to.equal(style.paddingTop);
    // Nothing adds space below the sentence inside the box.
    const last = alert.lastElementChild as HTMLElement | null;
    if (last) expect(getComputedStyle(last).marginBottom).to.equal('0px');
    await expect(element).to.be.accessible();
  });
});
