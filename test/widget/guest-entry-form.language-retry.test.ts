// The retries of a language chunk that cannot load start afresh for another language: after Spanish failed
// twice, a third failure would wait 8 s; Hebrew, failing once, is tried again 2 s later.
// A file of its own: a chunk that loaded once stays in the page's module map.
import { waitUntil } from '@open-wc/testing';
import { entryForm, failModule, setupRoom, shadow } from './guest-entry-form.helpers.ts';

const SPANISH_FORM = '/widget/locales/es.entry.ts';
const HEBREW_FORM = '/widget/locales/he.entry.ts';

describe('<guest-entry-form> retrying its language', () => {
  afterEach(async () => {
    await failModule(SPANISH_FORM, false);
    await failModule(HEBREW_FORM, false);
  });

  it("starts another language's retries at the first delay", async () => {
    await failModule(SPANISH_FORM, true);
    await failModule(HEBREW_FORM, true);
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string, 'es');
    const label = () => shadow(element).querySelector('label[for="name"]')?.textContent ?? '';
    await waitUntil(() => label().startsWith('Name'), 'the form did not show in English');
    // Spanish fails at once and again 2 s later: its next try would be 4 s after that.
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    element.lang = 'he';
    await new Promise((resolve) => setTimeout(resolve, 300)); // Hebrew's first try fails
    await failModule(HEBREW_FORM, false);
    await waitUntil(() => label().startsWith('שם'), 'Hebrew was not tried again within 5 s', {
      timeout: 5_000,
    });
  });
});
