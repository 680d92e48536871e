// The windows a button opens are a chunk fetched once the room has loaded. On a slow network a host can press
// Create, Edit, History or Delete before it has come: the button then says it is busy, a second press opens
// nothing more, and the window opens once the code is there. Every window, the main one included, also
// keeps an opening that came before the previous closing's queued `close` event.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { deepActiveElement } from '../../widget/guest-access-manager/modal-dialog.ts';
import { byRole, openManager, queryByRole, redeem, setupRoom } from './guest-access-manager.helpers.ts';
import { holdModule } from './guest-entry-form.helpers.ts';

const WINDOWS = '/widget/guest-access-manager/windows.ts';

describe('<guest-access-manager> while a window’s code is on its way', () => {
  afterEach(() => holdModule(WINDOWS, false));

  it('shows the pressed button busy with a spinner, opens the window once, and clears the busy state', async () => {
    await holdModule(WINDOWS, true);
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await waitUntil(() => queryByRole(element, 'button', 'Create new link'), 'no Create button');
    const create = byRole(element, 'button', 'Create new link');
    const size = ({ width, height }: DOMRect) => [width, height];
    const idle = size(create.getBoundingClientRect());
    create.click();
    expect(create.getAttribute('aria-busy')).to.equal('true');
    expect(getComputedStyle(create, '::after').content, 'no spinner').to.not.equal('none');
    // The spinner takes the label's place: the button keeps its size, so nothing around it moves.
    expect(size(create.getBoundingClientRect()), 'the busy button changed size').to.deep.equal(idle);
    create.click();

    await holdModule(WINDOWS, false);
    const opened = () => element.shadowRoot?.querySelectorAll('dialog[open]:not(.main-window)') ?? [];
    await waitUntil(() => opened().length > 0, 'the window did not open once its code came');
    expect(byRole(element, 'dialog', 'Create new link')).to.exist;
    expect(create.hasAttribute('aria-busy'), 'still busy').to.equal(false);
    expect(getComputedStyle(create, '::after').content).to.equal('none');
    // Pressed twice while loading, it opened one window, which one Cancel closes.
    byRole(element, 'button', 'Cancel').click();
    await waitUntil(() => opened().length === 0, 'a second window was left open');
  });

  it('needs no busy state once the code has come: the next window opens on the press', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await waitUntil(() => queryByRole(element, 'button', 'Create new link'), 'no Create button');
    byRole(element, 'button', 'Create new link').click();
    await waitUntil(() => queryByRole(element, 'dialog', 'Create new link'), 'Create did not open');
    byRole(element, 'button', 'Cancel').click();
    await waitUntil(() => !queryByRole(element, 'dialog', 'Create new link'), 'the window did not close');

    const edit = byRole(element, 'button', 'Edit link “Press”');
    edit.click();
    expect(edit.hasAttribute('aria-busy'), 'busy with its code already there').to.equal(false);
    await waitUntil(() => queryByRole(element, 'dialog', 'Edit guest link'), 'Edit did not open');
  });

  // A window closed and opened again at once (faster than its queued `close` event) keeps the new opening.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('keeps a window opened again before its close event came: edit, delete and history', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await waitUntil(() => queryByRole(element, 'button', 'Create new link'), 'no Create button');
    const reopen = async (button: string, window: string, close: string, role = 'dialog') => {
      byRole(element, 'button', button).click();
      await waitUntil(() => queryByRole(element, role, window), `${button} opened nothing`);
      const dialog = byRole(element, role, window) as HTMLDialogElement;
      byRole(element, 'button', close).click();
      byRole(element, 'button', button).click();
      await settle();
      expect(dialog.open, `${window} closed`).to.equal(true);
      return byRole(element, role, window);
    };

    const edit = await reopen('Edit link “Press”', 'Edit guest link', 'Cancel');
    expect(byRole<HTMLInputElement>(edit, 'textbox', 'Link Name').value).to.equal('Press');
    byRole(edit, 'button', 'Cancel').click();

    const deletion = await reopen('Delete link “Press”', 'Delete this link?', 'Cancel', 'alertdialog');
    expect(deletion.textContent).to.contain('“Press” stops working at once.');
    byRole(deletion, 'button', 'Cancel').click();

    const history = await reopen('History', 'Guest history', 'Close');
    await waitUntil(() => history.textContent?.includes('No guests yet.'), 'the history did not load');
  });

  it('keeps the modal main window shown again before its close event came, with focus inside', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await fixture<GuestAccessManager>(
      html`<guest-access-manager modal api=${room.url} room=${room.roomId} lang="en" .token=${room.hostToken}></guest-access-manager>`,
    );
    await element.show();
    element.close();
    await element.show();
    await settle();
    const window = byRole<HTMLDialogElement>(element, 'dialog', 'Manage guest access');
    expect(window.matches(':modal'), 'the window was taken off the page').to.equal(true);
    expect(window.contains(deepActiveElement() ?? null), 'focus left the window').to.equal(true);
    element.close();
  });

  it('keeps the automatic-admission question asked again before its close event came, and where focus returns', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => element.waitingCount === 1, 'not counted', { timeout: 5000 });
    const moderated = () => byRole(element, 'switch', 'Guests wait for a moderator to admit them');
    // As a pointer press does: the switch takes focus, then asks.
    const press = () => {
      moderated().focus();
      moderated().click();
    };
    press();
    await waitUntil(() => queryByRole(element, 'alertdialog'), 'no question');
    const question = byRole<HTMLDialogElement>(element, 'alertdialog');
    byRole(question, 'button', 'Cancel').click();
    press();
    await settle();
    expect(question.open, 'the question closed').to.equal(true);
    expect(question.contains(deepActiveElement() ?? null), 'focus left the question').to.equal(true);
    // The late event did not use up where focus goes back: the switch that asked.
    byRole(question, 'button', 'Cancel').click();
    await settle();
    expect(deepActiveElement() === moderated(), 'focus did not go back to the switch').to.equal(true);
  });
});
