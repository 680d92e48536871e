// Shared steps of the <guest-entry-form> browser tests: rooms and links on the real server (through the
// test-runner plugin), the element on the page, and a guest's actions inside its shadow root.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../../widget/guest-entry-form/define.ts';
import type { GuestEntryForm } from '../../widget/guest-entry-form/guest-entry-form.ts';
import type { HostGuest, Link } from '../../widget/internal/api-client.ts';

/** While `on`, the page's requests for a module whose path ends with `path` fail (offline, after a deploy). */
export const failModule = (path: string, on: boolean) =>
  executeServerCommand<boolean, unknown>('ga:fail-module', { path, on });

/** While `on`, the page's requests for a module whose path ends with `path` wait (a slow network), then go. */
export const holdModule = (path: string, on: boolean) =>
  executeServerCommand<boolean, unknown>('ga:hold-module', { path, on });

export interface Room {
  url: string;
  apiKey: string;
  roomId: string;
  hostToken: string;
  links: Link[];
  tokens: string[];
}

export interface SetupInput {
  enabled?: boolean;
  admission?: 'moderator' | 'auto';
  links?: Array<{ name: string; maxUses?: number; durationDays?: number }>;
  roomTitle?: string;
  joinUrl?: string;
}

/** A tenant and a room with guest access on and one link, letting this page in through CORS. */
export const setupRoom = (input: SetupInput = {}) =>
  executeServerCommand<Room, unknown>('ga:setup', {
    allowedOrigins: [location.origin],
    enabled: true,
    links: [{ name: 'Guests' }],
    ...input,
  });

export const callApi = (input: { method?: string; path: string; token?: string; body?: unknown }) =>
  executeServerCommand<{ status: number; headers: Record<string, string>; body: unknown }, unknown>(
    'ga:call',
    input,
  );

export const advanceClock = (ms: number) => executeServerCommand('ga:advance-clock', { ms });

// The test page handles every hand-off itself: going to the room's joinUrl would end the test run.
document.addEventListener('guest-admitted', (event) => event.preventDefault());

/** The element on the page for a link. */
export const entryForm = (room: Pick<Room, 'url'>, token: string, lang?: string) =>
  fixture<GuestEntryForm>(
    html`<guest-entry-form api=${room.url} token=${token} lang=${lang ?? nothing}></guest-entry-form>`,
  );

export const shadow = (element: GuestEntryForm) => element.shadowRoot as ShadowRoot;

export function find<T extends HTMLElement = HTMLElement>(element: GuestEntryForm, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <guest-entry-form>`);
  return found;
}

/** Waits for a view to show: `form`, `waiting`, `admitted`, `denied`, `removed`, `left` or `unavailable`. */
export async function viewShown(element: GuestEntryForm, view: string) {
  const outcome = view === 'unavailable' ? 'access_removed' : view;
  const selector = view === 'form' ? 'form' : `[data-outcome=${outcome}]`;
  await waitUntil(() => shadow(element).querySelector(selector), `the ${view} view did not show`, {
    timeout: 5000,
  });
}

export function typeInto(element: GuestEntryForm, field: 'name' | 'email', value: string) {
  const input = find<HTMLInputElement>(element, `#${field}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export const submitButton = (element: GuestEntryForm) =>
  find<HTMLButtonElement>(element, '[part=submit-button]');

/** Fills in the form and submits it. */
export async function join(element: GuestEntryForm, name = 'Ana Guest', email = 'ana@example.com') {
  await viewShown(element, 'form');
  typeInto(element, 'name', name);
  typeInto(element, 'email', email);
  await element.updateComplete;
  submitButton(element).click();
}

export async function guestsOf(room: Room): Promise<HostGuest[]> {
  const result = await callApi({ path: `/v1/rooms/${room.roomId}/guests`, token: room.hostToken });
  return (result.body as { guests: HostGuest[] }).guests;
}

export async function usesOf(room: Room): Promise<number> {
  const result = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
  return (result.body as { links: Link[] }).links[0]?.uses ?? -1;
}

/** A moderator's decision on the room's newest guest. */
export async function decide(room: Room, decision: 'admit' | 'deny' | 'remove') {
  const [guest] = await guestsOf(room);
  const path = `/v1/rooms/${room.roomId}/guests/${guest?.id}/${decision}`;
  const result = await callApi({ method: 'POST', path, token: room.hostToken });
  if (result.status >= 300) throw new Error(`${decision} failed: ${JSON.stringify(result.body)}`);
}

/** A computed colour (`rgb()`, `rgba()` or `color(srgb …)`, as Chromium reports them) as 0–255 channels. */
export function channels(color: string): [number, number, number] {
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(color);
  if (srgb) return [1, 2, 3].map((i) => Number(srgb[i]) * 255) as [number, number, number];
  const rgb = /^rgba?\((\d+(?:\.\d+)?),? (\d+(?:\.\d+)?),? (\d+(?:\.\d+)?)/.exec(color);
  if (rgb) return [1, 2, 3].map((i) => Number(rgb[i])) as [number, number, number];
  throw new Error(`unparsed colour ${color}`);
}

/** Collects what the page's own code reports while `run` runs: console errors and warnings, errors. */
export async function consoleProblems(run: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const { error, warn } = console;
  const onError = (event: ErrorEvent) => problems.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandled: ${String(event.reason)}`);
  console.error = (...args: unknown[]) => problems.push(`console.error: ${args.join(' ')}`);
  console.warn = (...args: unknown[]) => problems.push(`console.warn: ${args.join(' ')}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    // Rejections are reported a task later.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    Object.assign(console, { error, warn });
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return problems;
}

/**
 * Opens the element while the module at `path` cannot load: waits for its Spanish "part of the page did not
 * load", with nothing reported on the console meanwhile, and runs `check` on it then; then lets the module
 * load and presses Try again.
 */
export async function failThenRetry(
  path: string,
  open: () => Promise<GuestEntryForm>,
  check: (element: GuestEntryForm) => void,
): Promise<GuestEntryForm> {
  await failModule(path, true);
  let element = undefined as unknown as GuestEntryForm;
  const problems = await consoleProblems(async () => {
    element = await open();
    await waitUntil(
      () =>
        shadow(element)
          .querySelector('[role="alert"]')
          ?.textContent?.includes('Una parte de la página no se cargó.'),
      'no error shown',
    );
  });
  expect(problems).to.deep.equal([]);
  check(element);
  await failModule(path, false);
  shadow(element).querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
  return element;
}
