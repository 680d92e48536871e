// <guest-entry-form> when the API answers 429 (rate_limited): its own message, not "Cannot reach the
// server", and a retry that waits for the server's Retry-After. Runs against a second real server whose
// link routes allow 2 requests a minute per address (the fixture's `limited` command).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  entryForm,
  find,
  join,
  type Room,
  shadow,
  submitButton,
  viewShown,
} from './guest-entry-form.helpers.ts';

const onLimited = <T>(command: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand<T, unknown>('ga:limited', { command, payload });

const TOO_MANY = 'Too many attempts. Please wait a moment and try again.';

/** A room with one link on the limited server, in a fresh one-minute window of this address. */
async function limitedRoom(): Promise<Room> {
  await onLimited('advance-clock', { ms: 61_000 });
  return onLimited<Room>('setup', {
    allowedOrigins: [location.origin],
    enabled: true,
    links: [{ name: 'Guests' }],
  });
}

/** Spends this address's requests to the link routes, from the test's side. */
const spend = async (room: Room, count: number) => {
  for (let i = 0; i < count; i++) await onLimited('call', { path: `/v1/links/${room.tokens[0]}` });
};

/** Moves the limited server's clock to 2 s before the window ends, so Retry-After says 2. */
const nearWindowEnd = () => onLimited('advance-clock', { ms: 58_000 });

describe('<guest-entry-form> rate limited (429)', () => {
  it('rate_limited opening a link: says too many attempts (not "Cannot reach the server"), retry honours Retry-After', async () => {
    const room = await limitedRoom();
    await spend(room, 2);
    await nearWindowEnd();

    const element = await entryForm(room, room.tokens[0]);
    await viewShown(element, 'rate_limited');
    expect(find(element, '[part=status-title]').textContent).to.equal('Too many attempts');
    expect(find(element, '[part=message]').textContent).to.equal('Please wait a moment, then try again.');
    expect(shadow(element).textContent).not.to.include('Cannot reach the server');
    const retry = find<HTMLButtonElement>(element, '[part=retry-button]');
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(retry.textContent?.trim()).to.match(/^Try again in \d+ s$/);
    retry.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('[data-outcome=rate_limited]')).to.exist;

    await waitUntil(() => retry.getAttribute('aria-disabled') === 'false', 'retry still held', {
      timeout: 4000,
    });
    expect(retry.textContent?.trim()).to.equal('Try again');
    retry.click();
    await viewShown(element, 'form');
  });

  it('rate_limited submitting the form: the message beside Join, which waits for Retry-After, then joins', async () => {
    const room = await limitedRoom();
    const element = await entryForm(room, room.tokens[0]);
    await viewShown(element, 'form');
    await spend(room, 1);
    await nearWindowEnd();

    await join(element);
    await waitUntil(
      () => shadow(element).querySelector('[role=alert]')?.textContent?.includes(TOO_MANY),
      'no message',
    );
    expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');

    await waitUntil(
      () => submitButton(element).getAttribute('aria-disabled') === 'false',
      'Join still held',
      {
        timeout: 4000,
      },
    );
    submitButton(element).click();
    await viewShown(element, 'waiting');
  });

  it('translates the rate-limited message (Spanish, Hebrew)', async () => {
    const room = await limitedRoom();
    await spend(room, 2);
    const es = await entryForm(room, room.tokens[0], 'es');
    await viewShown(es, 'rate_limited');
    await waitUntil(() => shadow(es).textContent?.includes('Demasiados intentos'), 'not Spanish');
    es.lang = 'he';
    await waitUntil(() => shadow(es).textContent?.includes('יותר מדי ניסיונות'), 'not Hebrew');
  });
});
