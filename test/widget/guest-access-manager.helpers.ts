// Shared steps of the <guest-access-manager> browser tests: real API setup through the test-runner
// plugin, the element on the page, and finding controls by role and accessible name in its shadow root.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../widget/guest-access-manager/define.ts';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import type { Link } from '../../widget/internal/api-client.ts';
import { recordRequests } from './guest-access-manager.requests.ts';

export interface SetupInput {
  type?: 'room' | 'channel';
  modules?: { inviteToMedia?: boolean; theming?: { mediaPage?: boolean } };
  perms?: string[];
  enabled?: boolean;
  admission?: 'moderator' | 'auto';
  links?: Array<{ name: string; maxUses?: number; durationDays?: number }>;
  roomTitle?: string;
  /** The tenant's allowed origins: the test page's by default. */
  allowedOrigins?: string[];
}

export interface Room {
  url: string;
  tenantId: string;
  roomId: string;
  hostToken: string;
  links: Link[];
  /** The links' tokens, as in their URLs. */
  tokens: string[];
}

export interface CallResult {
  status: number;
  body: unknown;
}

/** A tenant and a room on the real server, letting this page in through CORS. */
export const setupRoom = (input: SetupInput = {}) =>
  executeServerCommand<Room, unknown>('ga:setup', { allowedOrigins: [location.origin], ...input });

export const callApi = (input: {
  method?: string;
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}) => executeServerCommand<CallResult, unknown>('ga:call', input);

/** A host token for the room, e.g. with other permissions or a short lifetime. */
export const mintToken = async (room: Room, claims: { perms?: string[]; ttlSeconds?: number }) =>
  (
    await executeServerCommand<{ token: string }, unknown>('ga:token', {
      tenantId: room.tenantId,
      room: room.roomId,
      ...claims,
    })
  ).token;

let redemptions = 0;
/** A guest submits the entry form of a link, as the entry page would. */
export async function redeem(room: Room, linkIndex: number, name: string): Promise<{ id: string }> {
  redemptions += 1;
  const result = await callApi({
    method: 'POST',
    path: `/v1/links/${room.tokens[linkIndex]}/guests`,
    body: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com` },
    headers: { 'Idempotency-Key': `test-${Date.now()}-${redemptions}` },
  });
  if (result.status !== 201)
    throw new Error(`redeem failed: ${result.status} ${JSON.stringify(result.body)}`);
  return (result.body as { guest: { id: string } }).guest;
}

/** The element for `room`, with a getToken callback, once its window has loaded (or been refused). */
export async function openManager(
  room: Room,
  options: { lang?: string; getToken?: (refresh: boolean) => Promise<string> } = {},
): Promise<GuestAccessManager> {
  const getToken = options.getToken ?? (async () => room.hostToken);
  const element = await fixture<GuestAccessManager>(
    html`<guest-access-manager
      api=${room.url}
      room=${room.roomId}
      lang=${options.lang ?? 'en'}
      .getToken=${getToken}
    ></guest-access-manager>`,
  );
  await loaded(element);
  return element;
}

/** Waits until the element shows its window or a refusal, not "Loading…". */
export async function loaded(element: GuestAccessManager): Promise<void> {
  await waitUntil(
    () => element.shadowRoot?.querySelector('table, [role="alert"]'),
    'the window did not load',
    { timeout: 5000 },
  );
}

const roleSelectors: Record<string, string> = {
  alert: '[role="alert"]',
  alertdialog: '[role="alertdialog"]',
  button: 'button',
  cell: 'td',
  checkbox: 'input[type="checkbox"]:not([role])',
  columnheader: 'th[scope="col"]',
  dialog: 'dialog:not([role])',
  heading: 'h1, h2, h3',
  listitem: 'li',
  radio: 'input[type="radio"]',
  row: 'tr',
  rowheader: 'th[scope="row"]',
  spinbutton: 'input[type="number"]',
  status: '[role="status"]',
  switch: '[role="switch"]',
  table: 'table',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], textarea',
};

/** Text a screen reader would read: skips aria-hidden subtrees. */
function spokenText(node: Node | null): string {
  if (!node) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(spokenText).join('');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A simplified accessible name: aria-label, aria-labelledby, a label, or the content. */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as ShadowRoot | Document;
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return squash(
      labelledBy
        .split(/\s+/)
        .map((id) => spokenText(root.getElementById(id)))
        .join(' '),
    );
  }
  const forLabel = element.id ? root.querySelector(`label[for="${element.id}"]`) : null;
  const wrapping = element.closest('label');
  if (forLabel ?? wrapping) return squash(spokenText(forLabel ?? wrapping));
  return squash(spokenText(element));
}

/** Every visible element of `role` in the element's shadow root whose name matches. */
export function allByRole(element: Element, role: string, name?: string | RegExp): HTMLElement[] {
  const root = element.shadowRoot ?? element;
  const selector = roleSelectors[role];
  if (!selector) throw new Error(`no selector for role ${role}`);
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((candidate) => {
    if (!candidate.checkVisibility()) return false;
    if (name === undefined) return true;
    const actual = accessibleName(candidate);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

export function byRole<T extends HTMLElement = HTMLElement>(
  element: Element,
  role: string,
  name?: string | RegExp,
): T {
  const found = allByRole(element, role, name);
  if (found.length === 0) throw new Error(`no visible ${role} named ${String(name)}`);
  return found[0] as T;
}

export function queryByRole(element: Element, role: string, name?: string | RegExp): HTMLElement | undefined {
  return allByRole(element, role, name)[0];
}

/** The rows of the links table, as the text of each cell. */
export function linkRows(element: Element): string[][] {
  const table = byRole(element, 'table');
  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => squash(spokenText(cell))),
  );
}

/**
 * Presses the button that opens a window and waits until it is open: each window is a chunk the element
 * loads on demand (at the latest when asked for).
 */
export async function openWindow(element: GuestAccessManager, button: string): Promise<HTMLDialogElement> {
  byRole(element, 'button', button).click();
  const opened = () => element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]:not(.main-window)');
  await waitUntil(opened, `${button} opened no window`);
  return opened() as HTMLDialogElement;
}

/** Fills the create-link form and submits it. */
export async function fillCreateForm(
  element: GuestAccessManager,
  values: { name: string; maxUses?: string; durationDays?: string },
): Promise<HTMLButtonElement> {
  const dialog = byRole(element, 'dialog', 'Create new link');
  byRole<HTMLInputElement>(dialog, 'textbox', 'Link Name').value = values.name;
  byRole<HTMLInputElement>(dialog, 'spinbutton', '# of clicks').value = values.maxUses ?? '';
  byRole<HTMLInputElement>(dialog, 'spinbutton', 'Duration').value = values.durationDays ?? '';
  const create = byRole<HTMLButtonElement>(dialog, 'button', 'Create');
  create.click();
  return create;
}

/** Opens "Create new link", fills it, and waits until the link is in the table. */
export async function createLinkThroughWindow(
  element: GuestAccessManager,
  values: { name: string; maxUses?: string; durationDays?: string },
): Promise<void> {
  await openWindow(element, 'Create new link');
  await fillCreateForm(element, values);
  // The room's event stream may list the link before the create request has answered and closed the window.
  await waitUntil(
    () => linkRows(element).some((row) => row[0].startsWith(values.name)) && !queryByRole(element, 'dialog'),
    'link not listed',
  );
}

/**
 * "in 7 days" for `iso` as the element words it: counted from the browser's clock, since the test
 * server's clock may have been moved by earlier tests.
 */
export const inDays = (iso: string, lang = 'en') =>
  new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(
    Math.round((Date.parse(iso) - Date.now()) / 86_400_000),
    'day',
  );

/** The knock alert shown while the window is closed, if any. */
export const alertOf = (element: GuestAccessManager) =>
  element.shadowRoot?.querySelector<HTMLElement>('[part~="alert"]') ?? null;

/**
 * The element as the demo uses it: modal, closed, with a token; `extra` adds attributes. Resolves once
 * its live connection is open and loaded, so a knock after it arrives as a knock.
 */
export async function closedManager(
  room: Room,
  extra: { alerts?: string; sound?: boolean; titleBadge?: boolean } = {},
) {
  const requests = recordRequests(room.url);
  const element = await fixture<GuestAccessManager>(
    html`<guest-access-manager
      modal
      api=${room.url}
      room=${room.roomId}
      lang="en"
      alerts=${extra.alerts ?? 'on'}
      ?sound=${extra.sound}
      ?title-badge=${extra.titleBadge}
      .token=${room.hostToken}
    ></guest-access-manager>`,
  );
  try {
    await waitUntil(requests.live, 'the live connection did not open', { timeout: 5000 });
  } finally {
    requests.restore();
  }
  return element;
}

/**
 * Replaces the browser's Notification with one that records each title in `shown` (and each title with its
 * options in `sent`; permission `default` until the page asks, then granted) and the tab's visibility with
 * `visibility.state` (hidden at first); `restore()` puts both back.
 */
export function fakeNotifications() {
  const original = window.Notification;
  const shown: string[] = [];
  const sent: Array<{ title: string } & NotificationOptions> = [];
  const visibility = { state: 'hidden' as DocumentVisibilityState };
  class FakeNotification {
    static permission: NotificationPermission = 'default';
    static async requestPermission() {
      FakeNotification.permission = 'granted';
      return 'granted' as const;
    }
    onclick: (() => void) | null = null;
    constructor(title: string, options: NotificationOptions = {}) {
      shown.push(title);
      sent.push({ title, ...options });
    }
    close() {}
  }
  window.Notification = FakeNotification as unknown as typeof Notification;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility.state });
  return {
    shown,
    sent,
    visibility,
    restore() {
      window.Notification = original;
      delete (document as { visibilityState?: unknown }).visibilityState;
    },
  };
}

/** Opens the window and presses "Notify me when guests arrive"; resolves once the button gave way to the note. */
export async function optInToNotifications(element: GuestAccessManager): Promise<void> {
  await element.show();
  await waitUntil(() => queryByRole(element, 'button', 'Notify me when guests arrive'), 'no opt-in button');
  byRole(element, 'button', 'Notify me when guests arrive').click();
  await waitUntil(() => !queryByRole(element, 'button', 'Notify me when guests arrive'), 'still offered');
}
