// The form's own wording in the guest's language is a chunk: when it cannot load, the form stays usable in
// English (nothing left as an unhandled rejection) and tries again on its own, further apart each time.
// A file of its own: a chunk that loaded once stays in the page's module map.
import { expect, waitUntil } from '@open-wc/testing';
import { consoleProblems, entryForm, failModule, setupRoom, shadow } from './guest-entry-form.helpers.ts';

const SPANISH_FORM = '/widget/locales/es.entry.ts';

describe('<guest-entry-form> when its language cannot load', () => {
  afterEach(() => failModule(SPANISH_FORM, false));

  it('shows the form in English while its Spanish cannot load, and switches on its own once it loads', async () => {
    await failModule(SPANISH_FORM, true);
    const room = await setupRoom();
    let element = undefined as unknown as Awaited<ReturnType<typeof entryForm>>;
    const label = () => shadow(element).querySelector('label[for="name"]')?.textContent ?? '';
    const problems = await consoleProblems(async () => {
      element = await entryForm(room, room.tokens[0] as string, 'es');
      await waitUntil(() => label().startsWith('Name'), 'the form did not show in English');
    });
    expect(problems).to.deep.equal([]);

    await failModule(SPANISH_FORM, false);
    await waitUntil(() => label().startsWith('Nombre'), 'the Spanish never came', { timeout: 5000 });
  });
});
