// Small things (issue 13, item 12): the entry page has an icon the server serves (no favicon 404), and
// the element's own code reports nothing to the console on the refusals it expects (404, 410, 429).
import { expect, waitUntil } from '@open-wc/testing';
import {
  callApi,
  consoleProblems,
  decide,
  entryForm,
  find,
  join,
  setupRoom,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

describe('<guest-entry-form> quiet refusals', () => {
  it("serves the entry page's icon, which its CSP allows", async () => {
    const room = await setupRoom();
    const page = await callApi({ path: `/g/${room.tokens[0]}` });
    const parsed = new DOMParser().parseFromString(page.body as string, 'text/html');
    const href = parsed.querySelector('link[rel=icon]')?.getAttribute('href') as string;
    expect(href).to.match(/^\/assets\//);
    const icon = await callApi({ path: href });
    expect(icon.status).to.equal(200);
    expect(icon.headers['content-type']).to.equal('image/svg+xml');
  });

  it('reports nothing to the console on refused links, sessions and knocks', async () => {
    const room = await setupRoom();
    const problems = await consoleProblems(async () => {
      // 410: an unknown token.
      await viewShown(await entryForm(room, 'x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq'), 'unavailable');
      // Denied, then Ask again twice: the second is refused with 429 and a countdown.
      const element = await entryForm(room, room.tokens[0] as string);
      await join(element);
      await viewShown(element, 'waiting');
      await decide(room, 'deny');
      await viewShown(element, 'denied');
      await waitUntil(() => element.shadowRoot?.querySelector('[part=ask-again-button]'), 'no Ask again');
      find(element, '[part=ask-again-button]').click();
      await viewShown(element, 'waiting');
      await decide(room, 'deny');
      await viewShown(element, 'denied');
      await waitUntil(
        () => find(element, '[part=ask-again-button]').getAttribute('aria-disabled') === 'true',
        'not held',
      );
      // 410 on submit: guest access turned off while another guest fills in the form.
      sessionStorage.clear();
      const late = await entryForm(room, room.tokens[0] as string);
      await viewShown(late, 'form');
      await callApi({
        method: 'PATCH',
        path: `/v1/rooms/${room.roomId}/guest-access`,
        token: room.hostToken,
        body: { enabled: false },
      });
      await join(late, 'Late Guest', 'late@example.com');
      await viewShown(late, 'unavailable');
    });
    expect(problems).to.deep.equal([]);
  });
});
