// Two <guest-access-manager> elements on one page (a host who runs two rooms): each knock alert names its
// room, and the alerts stack in the corner rather than cover each other, also right to left on a phone.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  alertOf,
  byRole,
  closedManager,
  fakeNotifications,
  mintToken,
  optInToNotifications,
  queryByRole,
  type Room,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const boxOf = (element: GuestAccessManager) => (alertOf(element) as HTMLElement).getBoundingClientRect();

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The alert's entrance (a short fade and slide) and any move within the stack, ended. */
async function settled(...elements: GuestAccessManager[]) {
  const animations = elements.flatMap((element) => (element.shadowRoot as ShadowRoot).getAnimations());
  await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
}

/** Two rooms and a manager for each (modal, closed). */
async function twoRooms() {
  const rooms: Room[] = [];
  for (const roomTitle of ['Quarterly review', 'Design crit'])
    rooms.push(await setupRoom({ enabled: true, links: [{ name: 'Press' }], roomTitle }));
  const [review, crit] = rooms as [Room, Room];
  return { review, crit, first: await closedManager(review), second: await closedManager(crit) };
}

/** Two rooms, a manager for each (modal, closed), and a guest knocking at each: Ana first, then Ben. */
async function twoRoomsKnockedAt(lang = 'en') {
  const { review, crit, first, second } = await twoRooms();
  first.lang = lang;
  second.lang = lang;
  await redeem(review, 0, 'Ana Lima');
  await waitUntil(() => alertOf(first), 'no alert for the first room', { timeout: 5000 });
  await redeem(crit, 0, 'Ben Cohen');
  await waitUntil(() => alertOf(second), 'no alert for the second room', { timeout: 5000 });
  return [first, second] as const;
}

const roomOf = (element: GuestAccessManager) =>
  textOf(alertOf(element)?.querySelector('[part~="alert-room-title"]'));

/** Waits until the two alerts, laid out and restacked, no longer overlap. */
const stackedApart = (first: GuestAccessManager, second: GuestAccessManager) =>
  waitUntil(
    async () => {
      await settled(first, second);
      return !overlap(boxOf(first), boxOf(second));
    },
    'the alerts overlap',
    { timeout: 3000 },
  );

describe('<guest-access-manager> knock alerts of several rooms', () => {
  it("name their rooms and stack in the page's order, and the others close the gap when one is closed", async () => {
    const [first, second] = await twoRoomsKnockedAt();
    expect(roomOf(first)).to.equal('Quarterly review');
    expect(roomOf(second)).to.equal('Design crit');
    expect(textOf(alertOf(first)?.querySelector('.knock-text'))).to.equal('Ana Lima is waiting');
    expect(alertOf(first)?.getAttribute('aria-label')).to.equal('Guests waiting for Quarterly review');
    expect(alertOf(second)?.getAttribute('aria-label')).to.equal('Guests waiting for Design crit');
    const said = (element: GuestAccessManager) =>
      textOf((element.shadowRoot as ShadowRoot).querySelector('[role="status"]'));
    await waitUntil(
      () => said(first) === 'Ana Lima is waiting to be admitted to Quarterly review',
      'the first room is not named in its announcement',
    );
    await waitUntil(
      () => said(second) === 'Ben Cohen is waiting to be admitted to Design crit',
      'the second room is not named in its announcement',
    );

    await stackedApart(first, second);
    const [upper, lower] = [boxOf(first), boxOf(second)];
    expect(upper.bottom, "the page's first above its second, with a gap").to.be.below(lower.top);
    expect(lower.top - upper.bottom, 'the gap').to.be.at.most(16);
    expect(upper.left, 'in the same corner').to.equal(lower.left);
    expect(lower.bottom, 'the second one in the corner').to.be.closeTo(window.innerHeight - 16, 1);
    await expect(first).to.be.accessible();
    await expect(second).to.be.accessible();

    // Closing the one in the corner lets the other come down to it; its buttons still work from the keyboard.
    const dismiss = byRole(alertOf(second) as HTMLElement, 'button', 'Dismiss');
    dismiss.focus();
    dismiss.click();
    await waitUntil(() => !alertOf(second), 'the second alert stayed');
    await waitUntil(
      async () => {
        await settled(first);
        return Math.abs(boxOf(first).bottom - lower.bottom) < 1;
      },
      'the first alert did not move to the corner',
      { timeout: 3000 },
    );
    const admit = byRole(alertOf(first) as HTMLElement, 'button', 'Admit Ana Lima');
    admit.focus();
    expect((first.shadowRoot as ShadowRoot).activeElement === admit, 'Admit takes focus').to.equal(true);
    admit.click();
    await waitUntil(() => !alertOf(first), 'the first alert stayed after admitting', { timeout: 5000 });
  });

  it("stack in the page's order from the top down, the order Tab visits them in, whoever knocked first", async () => {
    const rooms: Room[] = [];
    for (const roomTitle of ['Quarterly review', 'Design crit', 'Standup'])
      rooms.push(await setupRoom({ enabled: true, links: [{ name: 'Press' }], roomTitle }));
    const managers: GuestAccessManager[] = [];
    for (const room of rooms) managers.push(await closedManager(room));
    for (const [index, name] of [
      [2, 'Cy Park'],
      [0, 'Ana Lima'],
      [1, 'Ben Cohen'],
    ] as const) {
      await redeem(rooms[index] as Room, 0, name);
      await waitUntil(() => alertOf(managers[index] as GuestAccessManager), `no alert for ${name}`, {
        timeout: 5000,
      });
    }
    await waitUntil(
      async () => {
        await settled(...managers);
        const [a, b, c] = managers.map(boxOf) as [DOMRect, DOMRect, DOMRect];
        return a.bottom < b.top && b.bottom < c.top;
      },
      "the alerts are not in the page's order from the top down",
      { timeout: 3000 },
    );

    byRole(alertOf(managers[0] as GuestAccessManager) as HTMLElement, 'button', 'Admit Ana Lima').focus();
    const visited: number[] = [];
    for (let press = 0; press < 9; press++) {
      visited.push(managers.indexOf(document.activeElement as GuestAccessManager));
      await sendKeys({ press: 'Tab' });
    }
    expect(visited, "each alert's three buttons, from the top down").to.deep.equal([
      0, 0, 0, 1, 1, 1, 2, 2, 2,
    ]);
  });

  it('keep still under the pointer when another room knocks, and take the page order once it leaves', async () => {
    const { review, crit, first, second } = await twoRooms();
    await redeem(review, 0, 'Ana Lima');
    await waitUntil(() => alertOf(first), 'no alert for the first room', { timeout: 5000 });
    await settled(first);
    const before = boxOf(first);
    await sendMouse({ type: 'move', position: [Math.round(before.left + 20), Math.round(before.top + 20)] });
    try {
      await redeem(crit, 0, 'Ben Cohen');
      await waitUntil(() => alertOf(second), 'no alert for the second room', { timeout: 5000 });
      await stackedApart(first, second);
      expect(boxOf(first).top, 'still under the pointer').to.be.closeTo(before.top, 1);
      expect(boxOf(second).bottom, 'the new one on top meanwhile').to.be.below(before.top);

      await sendMouse({ type: 'move', position: [window.innerWidth - 10, 10] });
      await waitUntil(
        async () => {
          await settled(first, second);
          return (
            Math.abs(boxOf(second).bottom - before.bottom) < 1 && boxOf(first).bottom < boxOf(second).top
          );
        },
        "not in the page's order once the pointer left",
        { timeout: 3000 },
      );
    } finally {
      await resetMouse();
    }
  });

  it('stack at the right, each on screen and clear of the other, on a right-to-left phone page', async () => {
    await setViewport({ width: 375, height: 667 });
    document.documentElement.dir = 'rtl';
    try {
      const [first, second] = await twoRoomsKnockedAt('he');
      await waitUntil(
        () => textOf(alertOf(first)?.querySelector('.knock-text')) === 'Ana Lima ממתין/ה',
        'not in Hebrew',
        {
          timeout: 5000,
        },
      );
      expect(roomOf(first)).to.equal('Quarterly review');
      await stackedApart(first, second);
      for (const box of [boxOf(first), boxOf(second)]) {
        expect(box.top, 'below the top').to.be.at.least(0);
        expect(box.left, 'inside on the left').to.be.at.least(0);
        expect(box.right, 'at the right').to.be.closeTo(window.innerWidth - 16, 1);
      }
      expect(boxOf(first).bottom).to.be.below(boxOf(second).top);
    } finally {
      document.documentElement.dir = '';
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('stay on a phone screen with five rooms: those that do not fit are compact lines, each opening in full', async () => {
    await setViewport({ width: 375, height: 667 });
    try {
      // Five: each manager keeps a live connection, and Chromium opens six at most to one HTTP/1.1 server.
      const titles = ['Quarterly review', 'Design crit', 'Standup', 'Hiring panel', 'Town hall'];
      const rooms: Room[] = [];
      for (const roomTitle of titles)
        rooms.push(await setupRoom({ enabled: true, links: [{ name: 'Press' }], roomTitle }));
      const managers: GuestAccessManager[] = [];
      for (const room of rooms) managers.push(await closedManager(room));
      for (const [index, room] of rooms.entries()) {
        await redeem(room, 0, `Guest ${index + 1}`);
        await waitUntil(
          () => alertOf(managers[index] as GuestAccessManager),
          `no alert in ${titles[index]}`,
          {
            timeout: 5000,
          },
        );
      }
      const onScreen = (box: DOMRect) => box.top >= 0 && box.bottom <= window.innerHeight;
      const allOnScreenApart = async () => {
        await settled(...managers);
        const boxes = managers.map(boxOf);
        return boxes.every(
          (box, i) => onScreen(box) && boxes.every((other, j) => i === j || !overlap(box, other)),
        );
      };
      await waitUntil(allOnScreenApart, 'an alert off the screen or over another', { timeout: 3000 });

      const admitOf = (element: GuestAccessManager) =>
        queryByRole(alertOf(element) as HTMLElement, 'button', /^Admit/);
      const compact = managers.filter((element) => !admitOf(element));
      expect(compact.length, 'some compact').to.be.within(1, titles.length - 1);
      for (const element of managers) {
        const admit = admitOf(element);
        if (admit) expect(onScreen(admit.getBoundingClientRect()), 'Admit on screen').to.equal(true);
      }
      const [top] = compact as [GuestAccessManager];
      const guest = `Guest ${managers.indexOf(top) + 1}`;
      const line = byRole(alertOf(top) as HTMLElement, 'button', `${roomOf(top)} ${guest} is waiting`);
      expect(line.getAttribute('aria-expanded')).to.equal('false');
      expect(onScreen(line.getBoundingClientRect()), 'the compact line on screen').to.equal(true);
      await expect(top).to.be.accessible();

      line.click();
      const admit = byRole(alertOf(top) as HTMLElement, 'button', `Admit ${guest}`);
      expect((top.shadowRoot as ShadowRoot).activeElement === admit, 'focus on its Admit').to.equal(true);
      await waitUntil(allOnScreenApart, 'off the screen once one opened', { timeout: 3000 });
      expect(onScreen(admit.getBoundingClientRect()), 'its Admit on screen').to.equal(true);
      // A second guest in the lowest room changes its alert's size: the stack is laid out again.
      const lowest = managers.at(-1) as GuestAccessManager;
      await redeem(rooms.at(-1) as Room, 0, 'Second Guest');
      await waitUntil(
        () => queryByRole(alertOf(lowest) as HTMLElement, 'button', 'Admit all'),
        'no second guest',
        {
          timeout: 5000,
        },
      );
      await waitUntil(allOnScreenApart, 'off the screen with a second guest', { timeout: 3000 });
      const focused = (top.shadowRoot as ShadowRoot).activeElement;
      expect(focused === admit, 'focus stays on Admit through the restacking').to.equal(true);

      // Focus on a compact line when room frees up below: that alert shows in full, focus on its Admit.
      const [other] = managers.filter((element) => !admitOf(element)) as [GuestAccessManager];
      const otherGuest = `Guest ${managers.indexOf(other) + 1}`;
      byRole(alertOf(other) as HTMLElement, 'button', `${roomOf(other)} ${otherGuest} is waiting`).focus();
      byRole(alertOf(lowest) as HTMLElement, 'button', 'Dismiss').click();
      await waitUntil(() => admitOf(other), 'the compact alert stayed compact with room for it', {
        timeout: 3000,
      });
      const otherAdmit = byRole(alertOf(other) as HTMLElement, 'button', `Admit ${otherGuest}`);
      expect((other.shadowRoot as ShadowRoot).activeElement === otherAdmit, 'focus on its Admit').to.equal(
        true,
      );
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("share one width, the widest one's, so the stack has one straight edge", async () => {
    const { review, crit, first, second } = await twoRooms();
    await redeem(review, 0, 'Al Yu');
    await redeem(crit, 0, 'Maximiliana Rodríguez');
    await waitUntil(() => alertOf(first) && alertOf(second), 'no alerts', { timeout: 5000 });
    await stackedApart(first, second);
    const [short, long] = [boxOf(first), boxOf(second)];
    expect(short.width, 'one width').to.be.closeTo(long.width, 0.5);
    expect(long.width, 'no wider than the widest needs').to.be.below(window.innerWidth / 2);
  });

  it('still stack where a page moved them with ::part(alert)', async () => {
    const style = document.createElement('style');
    style.textContent = 'guest-access-manager::part(alert) { inset-block-end: 5rem; }';
    document.head.append(style);
    try {
      const [first, second] = await twoRoomsKnockedAt();
      await stackedApart(first, second);
      const bottoms = [boxOf(first), boxOf(second)].map((box) => box.bottom).sort((a, b) => b - a);
      expect(bottoms[0], 'the lower one where the page put it').to.be.closeTo(window.innerHeight - 80, 1);
    } finally {
      style.remove();
    }
  });

  it('name no room when the only other manager on the page has a token that cannot admit', async () => {
    const review = await setupRoom({
      enabled: true,
      links: [{ name: 'Press' }],
      roomTitle: 'Quarterly review',
    });
    const crit = await setupRoom({ enabled: true, links: [{ name: 'Press' }], roomTitle: 'Design crit' });
    const admitting = await closedManager(review);
    // The other room's manager, on a token that may manage but not admit: it never alerts.
    await closedManager({
      ...crit,
      hostToken: await mintToken(crit, { perms: ['guest-access:manage'] }),
    });
    await redeem(review, 0, 'Ana Lima');
    await waitUntil(() => alertOf(admitting), 'no alert in the room the host may admit to', {
      timeout: 5000,
    });
    expect(roomOf(admitting)).to.equal('');
    expect(alertOf(admitting)?.getAttribute('aria-label')).to.equal('Guests waiting');
  });

  it("notify, once the host opts in in one of them, naming the room, and one room's knock does not replace another's", async () => {
    const { sent, restore } = fakeNotifications();
    try {
      const { review, crit, first, second } = await twoRooms();
      // One consent for the page, as the browser's: the other room's window says it is on.
      await optInToNotifications(first);
      first.close();
      await second.show();
      await waitUntil(
        () =>
          textOf(second.shadowRoot?.querySelector('[part~="note"]')).startsWith(
            'You get a browser notification',
          ),
        'the other room still asks',
      );
      expect(queryByRole(second, 'button', 'Notify me when guests arrive')).to.equal(undefined);
      second.close();
      await redeem(review, 0, 'Ana Lima');
      await waitUntil(() => sent.length === 1, 'no notification for the first room', { timeout: 5000 });
      await redeem(crit, 0, 'Ben Cohen');
      await waitUntil(() => sent.length === 2, 'no notification for the second room', { timeout: 5000 });
      const bodies = sent.map(({ title, body }) => `${title} / ${body?.replace(/[\u2068\u2069]/g, '')}`);
      expect(bodies).to.deep.equal([
        'Ana Lima is waiting to be admitted / Waiting for Quarterly review. Open the page to admit or deny.',
        'Ben Cohen is waiting to be admitted / Waiting for Design crit. Open the page to admit or deny.',
      ]);
      expect(sent[0]?.tag).to.not.equal(sent[1]?.tag);
    } finally {
      restore();
    }
  });
});
