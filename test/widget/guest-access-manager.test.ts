// <guest-access-manager>: the "Manage guest access" window as the article shows it, against the real API.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { GuestAccess } from '../../widget/internal/api-client.ts';
import {
  byRole,
  callApi,
  createLinkThroughWindow,
  fillCreateForm,
  inDays,
  linkRows,
  mintToken,
  openManager,
  openWindow,
  queryByRole,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

describe('<guest-access-manager> window', () => {
  it("shows the article's window: title, intro, switch, link count, create button and table headings", async () => {
    const room = await setupRoom({
      enabled: true,
      links: [{ name: 'Kaltura Room' }],
      roomTitle: 'Town hall',
    });
    const element = await openManager(room);

    expect(byRole(element, 'heading', 'Manage guest access')).to.exist;
    // The room it manages, under the heading: a page with two managers tells them apart.
    expect(element.shadowRoot?.querySelector('[part="room-title"]')?.textContent?.trim()).to.equal(
      'Town hall',
    );
    expect(element.shadowRoot?.textContent).to.include(
      'Allow link-based access without sign-in. Up to 3 guest links available.',
    );
    expect(byRole<HTMLInputElement>(element, 'switch', 'Enable guest access').checked).to.be.true;
    expect(element.shadowRoot?.textContent).to.include('1 link');
    expect(byRole<HTMLButtonElement>(element, 'button', 'Create new link').disabled).to.be.false;
    const headings = [...byRole(element, 'table').querySelectorAll('th[scope="col"]')].map((th) =>
      th.textContent?.trim(),
    );
    expect(headings).to.deep.equal(['Link name', 'Expiration date', '# of clicks', 'Actions']);
    expect(linkRows(element)[0]).to.deep.equal([
      'Kaltura Room',
      'Never',
      '0 used unlimited',
      'Copy Invitation',
    ]);
  });

  it("shows the article's Create window: intro, fields and the limit's hint", async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    await openWindow(element, 'Create new link');
    const dialog = byRole(element, 'dialog', 'Create new link');

    expect(dialog.textContent).to.include(
      'Allow anyone with this link to access the media without signing in.',
    );
    const clicks = byRole<HTMLInputElement>(dialog, 'spinbutton', '# of clicks');
    const hint = element.shadowRoot?.getElementById(
      clicks.getAttribute('aria-describedby')?.split(' ').pop() ?? '',
    );
    expect(hint?.textContent).to.equal(
      'Limit how many times this link can be accessed. Leave blank for unlimited.',
    );
    expect(byRole(dialog, 'textbox', 'Link Name')).to.exist;
    expect(byRole(dialog, 'spinbutton', 'Duration')).to.exist;
  });

  it('creates links up to three and then disables "Create new link", saying why', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);

    for (const name of ['Guest speakers', 'Press', 'Partners']) {
      const created = oneEvent(element, 'guest-link-create');
      await createLinkThroughWindow(element, { name });
      expect((await created).detail.link.name).to.equal(name);
    }

    expect(linkRows(element).map((row) => row[0])).to.deep.equal(['Guest speakers', 'Press', 'Partners']);
    expect(element.shadowRoot?.textContent).to.include('3 links');
    const create = byRole<HTMLButtonElement>(element, 'button', 'Create new link');
    expect(create.disabled).to.be.true;
    const reason = element.shadowRoot?.getElementById(create.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).to.include('up to 3 guest links');
    const listed = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    expect((listed.body as GuestAccess).links).to.have.length(3);
  });

  it("explains the API's refusal of a fourth link created elsewhere meanwhile", async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'One' }, { name: 'Two' }] });
    const element = await openManager(room);
    await openWindow(element, 'Create new link');
    // Another host takes the last place while this window's form is open.
    await callApi({
      method: 'POST',
      path: `/v1/rooms/${room.roomId}/links`,
      token: room.hostToken,
      body: { name: 'Three' },
    });

    await fillCreateForm(element, { name: 'Four' });

    const dialog = byRole(element, 'dialog', 'Create new link');
    await waitUntil(() => queryByRole(dialog, 'alert'), 'no refusal shown');
    expect(byRole(dialog, 'alert').textContent).to.include('up to 3 guest links');
  });

  it("shows the API's field errors beside each field and keeps the window open", async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    await openWindow(element, 'Create new link');

    await fillCreateForm(element, { name: '   ', maxUses: '0', durationDays: '366' });

    const dialog = byRole(element, 'dialog', 'Create new link');
    const name = byRole<HTMLInputElement>(dialog, 'textbox', 'Link Name');
    await waitUntil(() => name.getAttribute('aria-invalid') === 'true', 'name not marked invalid');
    const described = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => element.shadowRoot?.getElementById(id)?.textContent)
        .join(' ');
    // Only spaces is no name: the window asks for one (a name that is there but breaks the rule gets the rule).
    expect(described(name)).to.include('Enter a name for the link.');
    const clicks = byRole<HTMLInputElement>(dialog, 'spinbutton', '# of clicks');
    expect(clicks.getAttribute('aria-invalid')).to.equal('true');
    expect(described(clicks)).to.include('1 to 1,000,000');
    const duration = byRole<HTMLInputElement>(dialog, 'spinbutton', 'Duration');
    expect(duration.getAttribute('aria-invalid')).to.equal('true');
    expect(described(duration)).to.include('1 to 365');
    expect(element.shadowRoot?.activeElement).to.equal(name);
    expect(linkRows(element)[0][0]).to.equal('No guest links yet.');
  });

  it('disables Create while the link is being sent', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    await openWindow(element, 'Create new link');

    const create = await fillCreateForm(element, { name: 'Guest speakers' });
    await element.updateComplete;

    expect(create.disabled).to.be.true;
    await waitUntil(() => linkRows(element)[0][0] === 'Guest speakers', 'link not listed');
  });

  it("shows the expiration date in the viewer's language with its time and how far away it is, or Never, and clicks as “1 of 10 used”", async () => {
    const room = await setupRoom({
      enabled: true,
      links: [{ name: 'Week', maxUses: 10, durationDays: 7 }, { name: 'Open' }],
    });
    await redeem(room, 0, 'Ana');
    const element = await openManager(room);

    const [week, open] = linkRows(element);
    const expiresAt = room.links[0].expiresAt as string;
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(expiresAt),
    );
    expect(week).to.deep.equal([
      'Week',
      `${expected} ${inDays(expiresAt)}`,
      '1 of 10 used',
      'Copy Invitation',
    ]);
    expect(open.slice(1, 3)).to.deep.equal(['Never', '0 used unlimited']);
    expect(byRole(element, 'table').querySelector('time')?.getAttribute('datetime')).to.equal(expiresAt);
  });

  it('marks used-up and expired links with a status chip', async () => {
    const room = await setupRoom({
      enabled: true,
      links: [{ name: 'Once', maxUses: 1 }, { name: 'Day', durationDays: 1 }, { name: 'Fine' }],
    });
    await redeem(room, 0, 'Ana');
    await executeServerCommand('ga:advance-clock', { ms: 2 * 24 * 60 * 60 * 1000 });
    const hostToken = await mintToken(room, {});
    const element = await openManager({ ...room, hostToken });

    expect(linkRows(element).map((row) => row[0])).to.deep.equal(['Once Used up', 'Day Expired', 'Fine']);
  });

  it('copies the full link URL, says "Link copied" politely and fires guest-link-copy', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Guest speakers' }] });
    const element = await openManager(room);
    const copied: string[] = [];
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => {
      copied.push(text);
    };
    try {
      const event = oneEvent(element, 'guest-link-copy');
      byRole(element, 'button', 'Copy link “Guest speakers”').click();

      expect((await event).detail.url).to.equal(room.links[0].url);
      expect(copied).to.deep.equal([room.links[0].url]);
      expect(room.links[0].url).to.match(/^https?:\/\/.+\/g\/[\w-]{22,}$/);
      const status = byRole(element, 'status');
      await waitUntil(() => status.textContent?.includes('Link copied'), 'not announced');
      expect(status.getAttribute('aria-live')).to.equal('polite');
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('falls back to the copy command when the Clipboard API is refused', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Guest speakers' }] });
    const element = await openManager(room);
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    let copied = '';
    const onCopy = (event: ClipboardEvent) => {
      copied = event.clipboardData?.getData('text/plain') ?? '';
    };
    window.addEventListener('copy', onCopy);
    try {
      const event = oneEvent(element, 'guest-link-copy');
      // A real key press: the copy command works only inside a user's action.
      byRole(element, 'button', 'Copy link “Guest speakers”').focus();
      await sendKeys({ press: 'Enter' });

      await event;
      expect(copied).to.equal(room.links[0].url);
    } finally {
      navigator.clipboard.writeText = original;
      window.removeEventListener('copy', onCopy);
    }
  });

  it("asks before deleting, says deleted links can't be restored, then removes the row", async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }, { name: 'Partners' }] });
    const element = await openManager(room);

    await openWindow(element, 'Delete link “Press”');
    const confirm = byRole(element, 'alertdialog', 'Delete this link?');
    expect(confirm.textContent).to.include("Deleted links can't be restored.");
    expect(confirm.textContent).to.include('remain connected until they refresh or leave');
    const deleted = oneEvent(element, 'guest-link-delete');
    byRole(confirm, 'button', 'Delete').click();

    expect((await deleted).detail.linkId).to.equal(room.links[0].id);
    await waitUntil(() => linkRows(element).length === 1, 'row not removed');
    expect(linkRows(element)[0][0]).to.equal('Partners');
    expect(confirm.matches('[open]')).to.be.false;
    const listed = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    expect((listed.body as GuestAccess).links.map((link) => link.name)).to.deep.equal(['Partners']);
  });

  it('keeps the link when the host cancels the delete', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);

    await openWindow(element, 'Delete link “Press”');
    byRole(byRole(element, 'alertdialog'), 'button', 'Cancel').click();
    await element.updateComplete;

    expect(queryByRole(element, 'alertdialog')).to.be.undefined;
    expect(linkRows(element)[0][0]).to.equal('Press');
  });

  it('turning guest access off marks every link inactive, explains what that means and disables creating', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }, { name: 'Partners' }] });
    const element = await openManager(room);
    const toggle = byRole<HTMLInputElement>(element, 'switch', 'Enable guest access');

    const changed = oneEvent(element, 'guest-access-change');
    toggle.click();
    expect((await changed).detail).to.deep.equal({
      enabled: false,
      admission: 'moderator',
      lobbyMessage: null,
    });

    await waitUntil(
      () => linkRows(element).every((row) => row[0].endsWith('Inactive')),
      'links still active',
    );
    expect(element.shadowRoot?.textContent).to.include("New guests can't join using a link");
    expect(element.shadowRoot?.textContent).to.include('remain connected until they refresh or leave');
    expect(byRole<HTMLButtonElement>(element, 'button', 'Create new link').disabled).to.be.true;
    expect(element.shadowRoot?.textContent).to.include('Turn on guest access to create a link.');
    const unusable = await callApi({ path: `/v1/links/${room.tokens[0]}` });
    expect(unusable.status).to.equal(410);

    const again = oneEvent(element, 'guest-access-change');
    byRole<HTMLInputElement>(element, 'switch', 'Enable guest access').click();
    expect((await again).detail.enabled).to.be.true;
    await waitUntil(() => linkRows(element).every((row) => !row[0].endsWith('Inactive')), 'links inactive');
    expect(byRole<HTMLButtonElement>(element, 'button', 'Create new link').disabled).to.be.false;
    expect((await callApi({ path: `/v1/links/${room.tokens[0]}` })).status).to.equal(200);
  });

  it('opens as a modal window with show(), closes on Escape and gives focus back', async () => {
    const room = await setupRoom({ enabled: true });
    const opener = document.createElement('button');
    opener.textContent = 'Manage guest access';
    document.body.append(opener);
    try {
      const element = await openManager(room);
      opener.focus();

      await element.show();

      const window = byRole<HTMLDialogElement>(element, 'dialog', 'Manage guest access');
      expect(window.matches(':modal')).to.be.true;
      expect(window.contains(element.shadowRoot?.activeElement ?? null)).to.be.true;
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(window.open).to.be.false;
      expect(document.activeElement).to.equal(opener);
    } finally {
      opener.remove();
    }
  });

  it('keeps two instances for two rooms apart', async () => {
    const first = await setupRoom({ enabled: true, links: [{ name: 'First room link' }] });
    const second = await setupRoom({ enabled: true, links: [{ name: 'Second room link' }] });
    const one = await openManager(first);
    const two = await openManager(second);

    await createLinkThroughWindow(one, { name: 'Another' });
    await redeem(second, 0, 'Bea');

    await waitUntil(() => linkRows(two)[0][2] === '1 used unlimited', 'second room not updated');
    expect(linkRows(one).map((row) => row[0])).to.deep.equal(['First room link', 'Another']);
    expect(linkRows(one)[0][2]).to.equal('0 used unlimited');
    expect(linkRows(two).map((row) => row[0])).to.deep.equal(['Second room link']);
  });

  it('catches up and follows the event stream again when put back on the page', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    const parent = element.parentElement as HTMLElement;

    element.remove();
    await redeem(room, 0, 'Ana');
    parent.append(element);

    await waitUntil(() => linkRows(element)[0][2] === '1 used unlimited', 'missed use not reloaded');
    await redeem(room, 0, 'Bea');
    await waitUntil(() => linkRows(element)[0][2] === '2 used unlimited', 'live update lost');
  });

  it('follows the room again with a fresh token from getToken(true) after the stream ends at the token’s exp', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const asked: boolean[] = [];
    const element = await openManager(room, {
      getToken: (refresh) => {
        asked.push(refresh);
        return mintToken(room, { ttlSeconds: 2 });
      },
    });
    // The first token expires within 2 s, and the server ends its stream then.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await redeem(room, 0, 'Ana');
    await waitUntil(() => linkRows(element)[0][2] === '1 used unlimited', 'no stream after exp', {
      timeout: 3000,
    });
    expect(asked).to.include(true);
  });
});
