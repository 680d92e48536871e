// <guest-access-manager> shows names that other people typed (guests) or chose (links) isolated from the
// text around them, so a right-to-left name, or one ending in digits or brackets, cannot reorder the
// words, buttons or numbers beside it (issue 10, item 9).
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  allByRole,
  byRole,
  callApi,
  linkRows,
  openManager,
  openWindow,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const LINK = 'פרס 2024';
const WAITING = 'שרה (2)';
const ADMITTED = 'Ana 3 ←';

/** The element that holds exactly `name` and isolates it (a <bdi>, or unicode-bidi: isolate). */
function isolatedName(root: ParentNode, name: string): Element | undefined {
  return [...root.querySelectorAll('*')].find(
    (element) =>
      element.textContent === name &&
      ['isolate', 'plaintext'].includes(getComputedStyle(element).unicodeBidi),
  );
}

const section = (element: GuestAccessManager, title: string) =>
  byRole(element, 'heading', title).closest('section') as HTMLElement;

describe('<guest-access-manager> names', () => {
  it('renders each guest and link name isolated: waiting room, in the session, link table, delete dialog', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: LINK }] });
    const enter = async (name: string, email: string) =>
      (
        await callApi({
          method: 'POST',
          path: `/v1/links/${room.tokens[0]}/guests`,
          body: { name, email },
          headers: { 'Idempotency-Key': `names-${email}-${Date.now()}` },
        })
      ).body as { guest: { id: string } };
    await enter(WAITING, 'sara@example.com');
    const admitted = await enter(ADMITTED, 'ana@example.com');
    await callApi({
      method: 'POST',
      path: `/v1/rooms/${room.roomId}/guests/${admitted.guest.id}/admit`,
      token: room.hostToken,
    });
    const element = await openManager(room);
    await waitUntil(() => linkRows(element).length === 1, 'no link row');

    const [waiting] = allByRole(section(element, 'Waiting room'), 'listitem');
    const [inSession] = allByRole(section(element, 'In the session'), 'listitem');
    for (const [where, item, name] of [
      ['waiting room', waiting, WAITING],
      ['in the session', inSession, ADMITTED],
    ] as const) {
      expect(item, where).to.exist;
      expect(isolatedName(item as HTMLElement, name), `${where}: the guest's name`).to.exist;
      expect(isolatedName(item as HTMLElement, LINK), `${where}: the link's name`).to.exist;
    }
    const row = byRole(element, 'rowheader', LINK);
    expect(isolatedName(row, LINK), 'link table').to.exist;
    // A tooltip cannot hold an element: the name sits between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
    expect(byRole(element, 'button', `Copy link “${LINK}”`).title).to.equal(
      `Copy link “\u2068${LINK}\u2069”`,
    );

    await openWindow(element, `Delete link “${LINK}”`);
    await waitUntil(() => element.shadowRoot?.querySelector('dialog[open]'), 'no dialog');
    const dialog = element.shadowRoot?.querySelector('dialog[open]') as HTMLDialogElement;
    expect(isolatedName(dialog, LINK), 'delete dialog').to.exist;
  });
});

describe('<guest-access-manager> email addresses', () => {
  it('shows an email left to right in Hebrew, waiting room and History: "0-sara@…" keeps its "0-" in front', async () => {
    const EMAIL = '0-sara@example.com';
    const room = await setupRoom({ enabled: true, links: [{ name: LINK }] });
    await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: WAITING, email: EMAIL },
      headers: { 'Idempotency-Key': `email-${Date.now()}` },
    });
    const element = await openManager(room, { lang: 'he' });
    const ltr = (root: ParentNode) =>
      [...root.querySelectorAll('*')].find(
        (node) =>
          node.textContent === EMAIL &&
          getComputedStyle(node).direction === 'ltr' &&
          getComputedStyle(node).unicodeBidi === 'isolate',
      );
    await waitUntil(() => allByRole(section(element, 'חדר המתנה'), 'listitem').length === 1, 'no guest');
    expect(ltr(section(element, 'חדר המתנה')), 'waiting room').to.exist;

    const dialog = await openWindow(element, 'היסטוריה');
    await waitUntil(() => dialog.querySelector('[part~="history-row"]'), 'no history row');
    expect(ltr(dialog), 'History').to.exist;
  });
});

describe('<guest-access-manager> a long email on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('breaks after the @, not inside "example"', async () => {
    await setViewport({ width: 375, height: 740 });
    const EMAIL = 'someone.with.a.long.address@example.com';
    const room = await setupRoom({ enabled: true, links: [{ name: LINK }] });
    await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Ana', email: EMAIL },
      headers: { 'Idempotency-Key': `long-email-${Date.now()}` },
    });
    const element = await openManager(room);
    await waitUntil(() => allByRole(section(element, 'Waiting room'), 'listitem').length === 1, 'no guest');
    const email = [...section(element, 'Waiting room').querySelectorAll('*')].findLast(
      (node) => node.textContent === EMAIL,
    ) as Element;
    // The text of each rendered line, from the position of each character.
    const lines = new Map<number, string>();
    const walker = document.createTreeWalker(email, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (let i = 0; i < (text.textContent ?? '').length; i += 1) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? '') + text.textContent?.[i]);
      }
    }
    expect([...lines.values()]).to.deep.equal(['someone.with.a.long.address@', 'example.com']);
  });
});
