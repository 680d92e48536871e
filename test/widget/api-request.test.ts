// The typed client's errors as an app sees them: a wrong `api` that answers with the app's own page (an
// SPA's index.html for every path) is refused as `not_api`, not passed on as data typed as the answer,
// and no answer at all names the URL it went to.
import { expect } from '@open-wc/testing';
import { ApiClient, ApiRequestError } from '../../widget/internal/api-client.ts';
import { followEvents } from '../../widget/internal/event-stream.ts';
import { watchGuestSession } from '../../widget/internal/watch-guest-session.ts';

const page = () =>
  new Response('<!doctype html><title>App</title>', { headers: { 'content-type': 'text/html' } });

async function refusal(call: () => Promise<unknown>): Promise<ApiRequestError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error('no refusal');
}

describe('ApiClient errors', () => {
  const original = window.fetch;
  afterEach(() => {
    window.fetch = original;
  });

  it('refuses an answer that is not the API, for a read and for a refusal', async () => {
    window.fetch = async () => page();
    const read = await refusal(() => new ApiClient('https://app.example').listGuestHistory('town-hall'));
    expect(read.name).to.equal('ApiRequestError');
    expect(read.code).to.equal('not_api');
    expect(read.message).to.include('not as the guest-access API').and.include('`api`');
    window.fetch = async () =>
      new Response('Not found', { status: 404, headers: { 'content-type': 'text/html' } });
    const refused = await refusal(() => new ApiClient('https://app.example').rotateLink('town-hall', 'l1'));
    expect([refused.code, refused.status]).to.deep.equal(['not_api', 404]);
    // A dev server's bare 404 to a POST, no type at all.
    window.fetch = async () => new Response(null, { status: 404 });
    const bare = await refusal(() => new ApiClient('https://app.example').rotateLink('town-hall', 'l1'));
    expect(bare.code).to.equal('not_api');
  });

  it('names the URL when nothing answered', async () => {
    window.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await refusal(() => new ApiClient('https://ga.example').listGuestHistory('town-hall'));
    expect(error.code).to.equal('network');
    expect(error.message)
      .to.include('https://ga.example/v1/rooms/town-hall/guests')
      .and.include('Failed to fetch');
  });

  it('stops following a stream that is not one, with not_api', async () => {
    window.fetch = async () => page();
    const errors: ApiRequestError[] = [];
    await followEvents(
      new ApiClient('https://app.example'),
      'v1/rooms/r/events',
      { onEvent: () => {}, onError: (error) => errors.push(error), reconnectOnEnd: true },
      new AbortController().signal,
    );
    expect(errors.map((error) => error.code)).to.deep.equal(['not_api']);
  });

  it('has watchGuestSession report a wrong api as unreachable', async () => {
    window.fetch = async () => page();
    const state = await new Promise((resolve) =>
      watchGuestSession({
        api: 'https://app.example',
        session: 's',
        onChange: (change) => resolve(change.state),
      }),
    );
    expect(state).to.equal('unreachable');
  });

  it('reads a relative api against the page, as for a proxy on the page’s own origin', async () => {
    const sent: string[] = [];
    window.fetch = async (input) => {
      sent.push(String(input));
      return new Response('{"guests":[],"nextCursor":null}', {
        headers: { 'content-type': 'application/json' },
      });
    };
    await new ApiClient('/guest-access').listGuestHistory('town-hall');
    expect(sent).to.deep.equal([`${location.origin}/guest-access/v1/rooms/town-hall/guests`]);
  });
});
