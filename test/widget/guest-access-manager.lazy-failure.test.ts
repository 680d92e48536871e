// The window's content and each window's wording in the host's language are chunks of their own: when one
// cannot load, the element says that part of the page did not load (never a window in English), nothing is left
// as an unhandled rejection, and Retry or the next click tries again.
import { expect, waitUntil } from '@open-wc/testing';
import { byRole, openManager, queryByRole, setupRoom } from './guest-access-manager.helpers.ts';
import { consoleProblems, failModule } from './guest-entry-form.helpers.ts';

/** Waits until the element's alert says `words`. */
const alertSays = (element: HTMLElement, words: string) =>
  waitUntil(
    () => element.shadowRoot?.querySelector('[role="alert"]')?.textContent?.includes(words),
    `no alert saying "${words}"`,
  );

describe('<guest-access-manager> when a chunk cannot load', () => {
  afterEach(() => failModule('/widget/locales/es.windows.ts', false));

  // First: once a chunk has loaded, the page keeps it.
  it('says part of the page did not load when the window’s content cannot load, and shows it on Retry', async () => {
    await failModule('/widget/guest-access-manager/window-view.ts', true);
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    let element = undefined as unknown as Awaited<ReturnType<typeof openManager>>;
    const problems = await consoleProblems(async () => {
      element = await openManager(room);
      await alertSays(element, "Part of this page didn't load.");
    });
    expect(problems).to.deep.equal([]);
    await failModule('/widget/guest-access-manager/window-view.ts', false);
    byRole(element, 'button', 'Try again').click();
    await waitUntil(() => queryByRole(element, 'button', 'Copy link “Press”'), 'the content did not show');
    expect(element.shadowRoot?.querySelector('[role="alert"]')).to.equal(null);
  });

  it('says part of the page did not load when the content’s Spanish cannot load, and shows it on Retry', async () => {
    await failModule('/widget/locales/es.content.ts', true);
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    let element = undefined as unknown as Awaited<ReturnType<typeof openManager>>;
    const problems = await consoleProblems(async () => {
      element = await openManager(room, { lang: 'es' });
      await alertSays(element, 'Una parte de la página no se cargó.');
    });
    expect(problems).to.deep.equal([]);
    expect(queryByRole(element, 'button', 'Copy link “Press”'), 'the content showed in English').to.equal(
      undefined,
    );
    await failModule('/widget/locales/es.content.ts', false);
    byRole(element, 'button', 'Reintentar').click();
    await waitUntil(
      () => queryByRole(element, 'button', 'Copiar el enlace «Press»'),
      'the content did not show',
    );
  });

  it('says part of the page did not load when the windows’ Spanish cannot load, and opens once it can', async () => {
    await failModule('/widget/locales/es.windows.ts', true);
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room, { lang: 'es' });
    await waitUntil(() => queryByRole(element, 'button', 'Crear nuevo enlace'), 'not in Spanish');
    const opened = () => element.shadowRoot?.querySelector('dialog[open]:not(.main-window)');
    const problems = await consoleProblems(async () => {
      byRole(element, 'button', 'Crear nuevo enlace').click();
      await alertSays(element, 'Una parte de la página no se cargó.');
    });
    expect(problems).to.deep.equal([]);
    expect(opened(), 'a window opened in English').to.equal(null);

    await failModule('/widget/locales/es.windows.ts', false);
    byRole(element, 'button', 'Crear nuevo enlace').click();
    await waitUntil(opened, 'the window did not open once its wording could load');
    expect(byRole(element, 'dialog', 'Crear nuevo enlace')).to.exist;
  });
});
