// <guest-access-manager> and issue 15's link actions against the real server: pause one link (a switch
// per row, live in every window), edit it in the create window pre-filled, delete it with its guests,
// and copy its invitation.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { invitationText } from '../../widget/internal/invitation.ts';
import {
  byRole,
  callApi,
  linkRows,
  mintToken,
  openManager,
  openWindow,
  queryByRole,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const shadow = (element: GuestAccessManager) => element.shadowRoot as ShadowRoot;
const row = (element: GuestAccessManager, linkId: string) =>
  shadow(element).querySelector(`[data-link-id="${linkId}"]`) as HTMLElement;

/** Every clipboard write while `run` runs. */
async function capturingClipboard(run: (copied: string[]) => Promise<void>) {
  const copied: string[] = [];
  const original = navigator.clipboard.writeText;
  navigator.clipboard.writeText = async (text: string) => {
    copied.push(text);
  };
  try {
    await run(copied);
  } finally {
    navigator.clipboard.writeText = original;
  }
}

describe('<guest-access-manager> link actions (issue 15)', () => {
  it('pauses and resumes one link with its switch, live in another window, and the link stops admitting', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }, { name: 'Speakers' }] });
    const element = await openManager(room);
    const other = await openManager(room);
    const [press, speakers] = room.links;
    const toggle = byRole<HTMLInputElement>(element, 'switch', 'Enable link “Press”');
    expect(toggle.checked).to.be.true;

    toggle.click();
    await waitUntil(() => row(element, press.id).querySelector('[part~="status"]'), 'no chip');
    expect(row(element, press.id).querySelector('[part~="status"]')?.textContent).to.equal('Paused');
    expect(toggle.checked).to.be.false;
    // The other link is untouched, and the second window follows through the room's events.
    expect(byRole<HTMLInputElement>(element, 'switch', 'Enable link “Speakers”').checked).to.be.true;
    expect(row(element, speakers.id).querySelector('[part~="status"]')).to.equal(null);
    await waitUntil(
      () => row(other, press.id)?.querySelector('[part~="status"]')?.textContent === 'Paused',
      'other window not updated',
    );
    expect(byRole<HTMLInputElement>(other, 'switch', 'Enable link “Press”').checked).to.be.false;
    const refused = await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Late', email: 'late@example.com' },
      headers: { 'Idempotency-Key': `pause-${Date.now()}` },
    });
    expect(refused.status).to.equal(410);
    await expect(element).to.be.accessible();

    byRole<HTMLInputElement>(element, 'switch', 'Enable link “Press”').click();
    await waitUntil(() => !row(element, press.id).querySelector('[part~="status"]'), 'still paused');
    await waitUntil(() => !row(other, press.id).querySelector('[part~="status"]'), 'other still paused');
    await redeem(room, 0, 'Ana');
  });

  for (const [lang, words] of [
    ['en', { name: 'Enable link “Press”', label: 'Enable', chip: 'Used up', active: 'Active' }],
    ['he', { name: 'הפעלת הקישור „Press”', label: 'הפעלה', chip: 'מוצה', active: 'פעיל' }],
  ] as const) {
    it(`names a used-up link's switch for what the host turns on, not "Active" beside "Used up" (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      try {
        const room = await setupRoom({ enabled: true, links: [{ name: 'Press', maxUses: 1 }] });
        await redeem(room, 0, 'Ana');
        const element = await openManager(room, { lang });
        const card = row(element, room.links[0].id);
        expect(card.querySelector('[part~="status"]')?.textContent?.trim()).to.equal(words.chip);
        // Still on: the host did not turn it off; the chip, which the switch is described by, says why it admits no one.
        const toggle = byRole<HTMLInputElement>(element, 'switch', words.name);
        expect(toggle.checked).to.be.true;
        const description = shadow(element).getElementById(toggle.getAttribute('aria-describedby') ?? '');
        expect(description?.textContent?.trim()).to.equal(words.chip);
        // The card's visible word beside the switch is in its name, and nothing in the row reads "Active".
        const label = toggle.closest('label')?.querySelector('span') as HTMLElement;
        expect(label.checkVisibility()).to.be.true;
        expect(label.textContent).to.equal(words.label);
        expect(card.textContent).not.to.contain(words.active);
        await expect(element).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('edits a link in the create window pre-filled: name, clicks, and the expiry on a date', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press', maxUses: 5, durationDays: 3 }] });
    const link = room.links[0];
    await redeem(room, 0, 'Ana');
    await redeem(room, 0, 'Ben');
    const element = await openManager(room);
    await openWindow(element, 'Edit link “Press”');
    const dialog = await waitUntil(
      () => queryByRole(element, 'dialog', 'Edit guest link'),
      'no edit window',
    ).then(() => byRole(element, 'dialog', 'Edit guest link'));
    const name = byRole<HTMLInputElement>(dialog, 'textbox', 'Link Name');
    const clicks = byRole<HTMLInputElement>(dialog, 'spinbutton', '# of clicks');
    const date = dialog.querySelector<HTMLInputElement>('input[type="datetime-local"]') as HTMLInputElement;
    expect(name.value).to.equal('Press');
    expect(clicks.value).to.equal('5');
    expect(dialog.querySelector<HTMLInputElement>('input[value="date"]')?.checked).to.be.true;
    // Pre-filled in the room's time zone, which the hint names.
    const wall = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'America/New_York',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date(link.expiresAt as string))
      .replace(' ', 'T');
    expect(date.value).to.equal(wall);
    expect(dialog.querySelector('#expiresAt-hint')?.textContent).to.contain(
      "room's time zone (America/New_York)",
    );
    await expect(element).to.be.accessible();

    // Fewer clicks than used so far: the field says why (the API's 409), nothing changes.
    clicks.value = '1';
    byRole(dialog, 'button', 'Save').click();
    await waitUntil(() => dialog.querySelector('#maxUses-error'), 'no field error');
    expect(dialog.querySelector('#maxUses-error')?.textContent).to.contain('already used 2 times');
    expect(clicks.getAttribute('aria-invalid')).to.equal('true');

    name.value = 'Press room';
    clicks.value = '';
    date.value = '2027-01-15T09:30';
    date.dispatchEvent(new Event('input', { bubbles: true }));
    byRole(dialog, 'button', 'Save').click();
    await waitUntil(() => !queryByRole(element, 'dialog'), 'window still open');
    const stored = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    const [saved] = (
      stored.body as { links: Array<{ name: string; maxUses: null; expiresAt: string; url: string }> }
    ).links;
    expect(saved.name).to.equal('Press room');
    expect(saved.maxUses).to.equal(null);
    // 09:30 in New York in January is 14:30 UTC.
    expect(saved.expiresAt).to.equal('2027-01-15T14:30:00.000Z');
    expect(saved.url).to.equal(link.url);
    expect(linkRows(element)[0][0]).to.contain('Press room');
    expect(linkRows(element)[0][2]).to.contain('2 used unlimited');
  });

  it('switches an edited link to "after N days" and offers both expiries when creating', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await openWindow(element, 'Edit link “Press”');
    const dialog = byRole(element, 'dialog', 'Edit guest link');
    // A link that never expires opens on "after N days", empty.
    expect(dialog.querySelector<HTMLInputElement>('input[value="days"]')?.checked).to.be.true;
    byRole<HTMLInputElement>(dialog, 'spinbutton', 'Duration').value = '2';
    byRole(dialog, 'button', 'Save').click();
    await waitUntil(() => !queryByRole(element, 'dialog'), 'window still open');
    const stored = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    const [saved] = (stored.body as { links: Array<{ expiresAt: string; createdAt: string }> }).links;
    // Counted by the server's clock (which an earlier file may have moved), as the link's createdAt was.
    expect(Date.parse(saved.expiresAt) - Date.parse(saved.createdAt)).to.be.within(
      1.9 * 86_400_000,
      2.1 * 86_400_000,
    );

    await openWindow(element, 'Create new link');
    const create = byRole(element, 'dialog', 'Create new link');
    // The window was closed (its form reset) since it last showed "after N days": it shows it checked again.
    expect(create.querySelector<HTMLInputElement>('input[value="days"]')?.checked).to.be.true;
    const onDate = create.querySelector<HTMLInputElement>('input[value="date"]') as HTMLInputElement;
    onDate.click();
    await element.updateComplete;
    const date = create.querySelector<HTMLInputElement>('input[type="datetime-local"]') as HTMLInputElement;
    date.value = '2020-01-01T10:00';
    byRole<HTMLInputElement>(create, 'textbox', 'Link Name').value = 'Old';
    byRole(create, 'button', 'Create').click();
    await element.updateComplete;
    expect(create.querySelector('#expiresAt-error')?.textContent).to.contain('in the future');
    expect(linkRows(element).length).to.equal(1);
    await expect(element).to.be.accessible();
    create.querySelector<HTMLButtonElement>('[part~="cancel-button"]')?.click();
  });

  it("sets a link's own admission when creating and editing; the row says so and its guests skip the lobby", async () => {
    const room = await setupRoom({ enabled: true, links: [] });
    const element = await openManager(room);
    await openWindow(element, 'Create new link');
    const create = byRole(element, 'dialog', 'Create new link');
    expect(byRole<HTMLInputElement>(create, 'radio', "Follow the room's setting").checked).to.be.true;
    byRole<HTMLInputElement>(create, 'textbox', 'Link Name').value = 'Speakers';
    byRole<HTMLInputElement>(create, 'radio', 'Guests join without waiting').click();
    byRole(create, 'button', 'Create').click();
    const chip = () => shadow(element).querySelector('[part~="row"] [part~="admission"]')?.textContent;
    await waitUntil(() => chip() === 'Joins directly', 'no admission chip on the new row');
    await expect(element).to.be.accessible();
    const url = new URL(shadow(element).querySelector('[part~="url"]')?.textContent as string);
    const arrived = await callApi({
      method: 'POST',
      path: `/v1/links/${url.pathname.split('/').pop()}/guests`,
      body: { name: 'Ana', email: 'ana@example.com' },
    });
    // The room's policy is the default (a moderator admits); this link lets its guests straight in.
    expect((arrived.body as { guest: { status: string } }).guest.status).to.equal('admitted');

    await openWindow(element, 'Edit link “Speakers”');
    const edit = byRole(element, 'dialog', 'Edit guest link');
    expect(byRole<HTMLInputElement>(edit, 'radio', 'Guests join without waiting').checked).to.be.true;
    byRole<HTMLInputElement>(edit, 'radio', 'Guests wait for a moderator').click();
    byRole(edit, 'button', 'Save').click();
    await waitUntil(() => chip() === 'Waits for moderator', 'chip not updated');
    const stored = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    expect((stored.body as { links: Array<{ admission: string }> }).links[0]?.admission).to.equal(
      'moderator',
    );
    await openWindow(element, 'Edit link “Speakers”');
    byRole<HTMLInputElement>(
      byRole(element, 'dialog', 'Edit guest link'),
      'radio',
      "Follow the room's setting",
    ).click();
    byRole(byRole(element, 'dialog', 'Edit guest link'), 'button', 'Save').click();
    await waitUntil(() => chip() === undefined, 'chip still shown for a link that follows the room');
  });

  it('gives a link a new address on Save: the old one stops working, and the new one is ready to copy', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const [link] = room.links;
    const element = await openManager(room);
    const rotated: string[] = [];
    element.addEventListener('guest-link-rotate', (event) => rotated.push(event.detail.link.url));
    await openWindow(element, 'Edit link “Press”');
    const edit = byRole(element, 'dialog', 'Edit guest link');
    const box = byRole<HTMLInputElement>(edit, 'checkbox', 'Give this link a new address');
    expect(box.checked).to.be.false;
    expect(edit.querySelector(`#${box.getAttribute('aria-describedby')}`)?.textContent).to.contain(
      'stops working at once',
    );
    box.click();
    byRole(edit, 'button', 'Save').click();
    await waitUntil(() => !queryByRole(element, 'dialog'), 'window still open');
    await waitUntil(() => rotated.length === 1, 'no guest-link-rotate event');
    const shown = row(element, link.id).querySelector('[part~="url"]')?.textContent;
    expect(shown).to.equal(rotated[0]);
    expect(shown).not.to.equal(link.url);
    const old = await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Ana', email: 'ana@example.com' },
    });
    expect(old.status).to.equal(410);
    // Sharing again is the next step: the row's Copy button has the focus, and screen readers hear why.
    expect(shadow(element).activeElement?.getAttribute('part')).to.contain('copy-button');
    expect(row(element, link.id).contains(shadow(element).activeElement)).to.be.true;
    await waitUntil(
      () =>
        [...shadow(element).querySelectorAll('[role="status"]')].some((region) =>
          region.textContent?.includes('“Press” has a new address'),
        ),
      'not announced',
    );
    // Reopened, the box is clear again: a new address is never carried over to the next edit.
    await openWindow(element, 'Edit link “Press”');
    expect(
      byRole<HTMLInputElement>(
        byRole(element, 'dialog', 'Edit guest link'),
        'checkbox',
        'Give this link a new address',
      ).checked,
    ).to.be.false;
  });

  it('deletes a link with its guests when the host ticks the box, and offers the box only to hosts who admit', async () => {
    const room = await setupRoom({
      enabled: true,
      admission: 'auto',
      links: [{ name: 'Press' }, { name: 'Staff' }],
    });
    const ana = await redeem(room, 0, 'Ana');
    const ben = await redeem(room, 1, 'Ben');
    const element = await openManager(room);
    await openWindow(element, 'Delete link “Press”');
    const confirm = shadow(element).querySelector('[part~="confirm-dialog"]') as HTMLDialogElement;
    await waitUntil(() => confirm.open, 'confirm not open');
    const box = confirm.querySelector<HTMLInputElement>('[part~="remove-guests"]') as HTMLInputElement;
    expect(box.closest('label')?.textContent?.trim()).to.equal(
      'Also remove the guests who joined through this link',
    );
    expect(box.checked).to.be.false;
    await expect(element).to.be.accessible();
    box.click();
    byRole(confirm, 'button', 'Delete').click();
    await waitUntil(() => !confirm.open, 'confirm still open');

    const guests = await callApi({ path: `/v1/rooms/${room.roomId}/guests`, token: room.hostToken });
    const statuses = Object.fromEntries(
      (guests.body as { guests: Array<{ id: string; status: string }> }).guests.map((g) => [g.id, g.status]),
    );
    expect(statuses[ana.id]).to.equal('removed');
    expect(statuses[ben.id]).to.equal('admitted');

    // Opened again for another link, the box starts unticked; without guests:admit it is not offered.
    await openWindow(element, 'Delete link “Staff”');
    await waitUntil(() => confirm.open, 'confirm not open');
    expect(confirm.querySelector<HTMLInputElement>('[part~="remove-guests"]')?.checked).to.be.false;
    confirm.querySelector<HTMLButtonElement>('[part~="cancel-button"]')?.click();
    const token = await mintToken(room, { perms: ['guest-access:manage'] });
    const manageOnly = await openManager(room, { getToken: async () => token });
    await openWindow(manageOnly, 'Delete link “Staff”');
    const other = shadow(manageOnly).querySelector('[part~="confirm-dialog"]') as HTMLDialogElement;
    await waitUntil(() => other.open, 'confirm not open');
    expect(other.querySelector('[part~="remove-guests"]')).to.equal(null);
  });

  it('copies the invitation (title, schedule in the host language and zone, link) and says Copied', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }], roomTitle: 'Town hall' });
    const element = await openManager(room, { lang: 'es' });
    await capturingClipboard(async (copied) => {
      // Spanish arrives as its own chunk, after the window has loaded.
      await waitUntil(
        () => queryByRole(element, 'button', 'Copiar la invitación de «Press»'),
        'not in Spanish',
      );
      const button = byRole(element, 'button', 'Copiar la invitación de «Press»');
      button.click();
      await waitUntil(() => copied.length === 1, 'nothing copied');
      const expected = invitationText({
        room: {
          title: 'Town hall',
          startsAt: '2026-06-12T14:00:00.000Z',
          endsAt: '2026-06-12T14:45:00.000Z',
          timeZone: 'America/New_York',
        },
        url: room.links[0].url,
        locale: 'es',
      });
      expect(copied[0]).to.equal(expected);
      expect(copied[0].split('\n')).to.have.length(3);
      expect(copied[0].split('\n')[0]).to.equal('Town hall');
      await waitUntil(
        () => button.getAttribute('aria-label') === 'Copiado: invitación de «Press»',
        'no feedback',
      );
      expect(button.querySelector('[part~="copied"]')?.textContent?.trim()).to.equal('Copiado');
      // The link's own Copy button still says Copy.
      expect(row(element, room.links[0].id).querySelector('[part~="copy-button"] [part~="copied"]')).to.equal(
        null,
      );
    });
    await expect(element).to.be.accessible();
  });
});

describe('<guest-access-manager> guest history (issue 15, items 7 and 8)', () => {
  it('lists every guest with link, status and times, filters by link, and downloads the CSV', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }, { name: 'Staff' }] });
    await redeem(room, 0, 'Ana');
    const ben = await redeem(room, 1, 'Ben');
    await callApi({
      method: 'POST',
      path: `/v1/rooms/${room.roomId}/guests/${ben.id}/deny`,
      token: room.hostToken,
    });
    const element = await openManager(room);
    await openWindow(element, 'History');
    const dialog = shadow(element).querySelector('[part~="history-dialog"]') as HTMLDialogElement;
    await waitUntil(
      () => dialog.open && dialog.querySelectorAll('[part~="history-row"]').length === 2,
      'no rows',
    );
    const rows = () =>
      [...dialog.querySelectorAll('[part~="history-row"]')].map((tr) =>
        [...tr.children].slice(0, 3).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
      );
    // Newest first: Ben (denied) before Ana (waiting).
    expect(rows()).to.deep.equal([
      ['Ben ben@example.com', 'Staff', 'Denied'],
      ['Ana ana@example.com', 'Press', 'Waiting'],
    ]);
    expect(dialog.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
    // Fewer than a page: no Load more.
    expect(dialog.querySelector('[part~="more-button"]')).to.equal(null);
    await expect(element).to.be.accessible();

    const select = dialog.querySelector('select') as HTMLSelectElement;
    select.value = room.links[0].id;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => dialog.querySelectorAll('[part~="history-row"]').length === 1, 'not filtered');
    expect(rows()[0][0]).to.equal('Ana ana@example.com');

    // The file handed to the browser: the anchor clicked and the blob behind its URL.
    const click = HTMLAnchorElement.prototype.click;
    const createObjectURL = URL.createObjectURL;
    const downloads: HTMLAnchorElement[] = [];
    const blobs: Blob[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(this);
    };
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return createObjectURL(blob);
    };
    try {
      (dialog.querySelector('[part~="csv-button"]') as HTMLButtonElement).click();
      await waitUntil(() => downloads.length === 1, 'no download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = createObjectURL;
    }
    expect(downloads[0].download).to.equal('guest-history.csv');
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    // Filtered as the window is: Ana only.
    expect(csv).to.contain('ana@example.com');
    expect(csv).not.to.contain('ben@example.com');
  });

  it('loads the next page with Load more, appending to the list', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    await redeem(room, 0, 'Ana');
    await redeem(room, 0, 'Ben');
    const element = await openManager(room);
    // A page holds up to 1000 guests: the server's first answer is cut to one guest with a cursor, and
    // that cursor is answered with the rest, so the window's paging is what is tested.
    const realFetch = window.fetch;
    const asked: string[] = [];
    window.fetch = async (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      if (!url.pathname.endsWith(`/rooms/${room.roomId}/guests`) || url.searchParams.has('status'))
        return realFetch(input, init);
      asked.push(url.search);
      const cursor = url.searchParams.get('cursor');
      url.searchParams.delete('cursor');
      const all = (await (await realFetch(url, init)).json()) as { guests: unknown[] };
      const body = cursor
        ? { guests: all.guests.slice(1), nextCursor: null }
        : { guests: all.guests.slice(0, 1), nextCursor: 'next' };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    try {
      await openWindow(element, 'History');
      const dialog = shadow(element).querySelector('[part~="history-dialog"]') as HTMLDialogElement;
      await waitUntil(() => dialog.querySelectorAll('[part~="history-row"]').length === 1, 'no first page');
      const more = byRole(dialog, 'button', 'Load more');
      more.click();
      await waitUntil(() => dialog.querySelectorAll('[part~="history-row"]').length === 2, 'no second page');
      expect(asked).to.deep.equal(['', '?cursor=next']);
      expect(queryByRole(dialog, 'button', 'Load more')).to.equal(undefined);
      const names = [...dialog.querySelectorAll('[part~="history-row"] th > bdi')].map((n) => n.textContent);
      expect(names).to.deep.equal(['Ben', 'Ana']);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('is offered only to hosts who may admit guests', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const token = await mintToken(room, { perms: ['guest-access:manage'] });
    const element = await openManager(room, { getToken: async () => token });
    expect(queryByRole(element, 'button', 'History')).to.equal(undefined);
  });
});

describe('<guest-access-manager> when the browser refuses to copy', () => {
  it('shows the URL to copy by hand, and says so, when the browser refuses to copy', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    const { writeText } = navigator.clipboard;
    const { execCommand } = document;
    navigator.clipboard.writeText = async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    };
    document.execCommand = () => false;
    try {
      byRole(element, 'button', 'Copy link “Press”').click();
      const manual = () => shadow(element).querySelector<HTMLLabelElement>('.manual-copy');
      await waitUntil(() => manual()?.textContent?.includes('Copy the link yourself'), 'no manual copy');
      expect(manual()?.querySelector('textarea')?.value).to.equal(room.links[0].url);
      const said = () =>
        [...shadow(element).querySelectorAll('[role="status"]')].some((region) =>
          region.textContent?.includes('Your browser did not allow copying'),
        );
      await waitUntil(said, 'not said');
    } finally {
      navigator.clipboard.writeText = writeText;
      document.execCommand = execCommand;
    }
    await expect(element).to.be.accessible();
  });
});
