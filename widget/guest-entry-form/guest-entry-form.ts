import { html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  ApiClient,
  ApiRequestError,
  type GuestSession,
  type GuestStatus,
  type KnockState,
  type LinkPage,
  type Lobby,
  type Redemption,
  type RoomSchedule,
  type RoomSummary,
} from '../internal/api-client.ts';
import { emit } from '../internal/events.ts';
import { setLive } from '../internal/live.ts';
import { type Catalog, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import { entry } from '../locales/en.entry.ts';
import type { EntryTranslation } from '../locales/en.ts';
import { entryFormView, type Field, type FieldErrors, type SubmitError } from './entry-form-view.ts';
import { styles } from './guest-entry-form.styles.ts';
import { languageSelect } from './language-select.ts';
import { askAgainButton, waitingDetails } from './lobby-view.ts';
import { roomHeader } from './room-header.ts';
import { type Outcome, statusView } from './status-view.ts';
import {
  forgetSession,
  forgetWaitingSince,
  loadSession,
  saveSession,
  waitingSince,
} from './stored-session.ts';

/** The form's wording: English built in, each other language a chunk loaded when first asked for. */
const translations: Catalog<'entry'> = {
  en: { dir, common, entry },
  es: async () => (await import('../locales/es.entry.ts')).es,
  he: async () => (await import('../locales/he.entry.ts')).he,
};

type View = 'loading' | 'form' | 'unavailable' | Outcome;
type Guest = Redemption['guest'];

/** The guest once the API accepted them: what the hand-off and the lobby stream need. */
interface Entered {
  guest: Guest;
  room: RoomSummary;
  session: string;
  lobby?: GuestSession['lobby'];
  knock?: KnockState;
}

/** A 4xx answer: the server (or a proxy) refused, and sending the same again would not change it. */
const isRefusal = (error: ApiRequestError) => error.status >= 400 && error.status < 500;

/** randomUUID needs a secure context; getRandomValues does not (a LAN address over plain http). */
const newAttemptKey = (): string =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );

/** The room's joinUrl with the guest-session token in the fragment, which never reaches a server log. */
function joinUrlWithSession(joinUrl: string, session: string): string | undefined {
  const url = new URL(joinUrl, location.href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = `session=${encodeURIComponent(session)}`;
  return url.href;
}

/**
 * @summary The guest's way in through a guest link: the room's title and schedule, a form for name
 * and email, the waiting room until a moderator decides, then the hand-off to the session — or the
 * access-removed page when the link cannot be used.
 *
 * @event guest-admitted - The guest was admitted. `detail`: `{guest, room, session}`. Cancelable:
 * `preventDefault()` keeps the element from going to the room's `joinUrl` (with `#session=<token>`).
 *
 * @csspart base - The card around everything.
 * @csspart logo - The tenant's logo.
 * @csspart language - The language selector ("EN ▾").
 * @csspart title - The room's title (or, for an unknown link, a neutral heading).
 * @csspart schedule - The room's start and end, in the room's time zone.
 * @csspart form - The entry form.
 * @csspart label - The labels of Name and Email.
 * @csspart input - The Name and Email fields.
 * @csspart error - A validation message beside a field, or why a submit failed.
 * @csspart submit-button - The form's submit button.
 * @csspart status - The view after the form: waiting, admitted, denied, removed or left.
 * @csspart message - The sentence of a status view, or the access-removed message.
 * @csspart leave-button - Leaves the waiting room.
 * @csspart join-again-button - Back to the form after leaving.
 * @csspart retry-button - Tries again after the server could not be reached or refused too many attempts
 *   (held until its `Retry-After` has passed).
 *
 * @cssproperty --guest-access-accent - Buttons, focus rings and the waiting pulse; default: the
 * tenant's branding colour, else blue.
 * @cssproperty --guest-access-accent-text - Text on the accent colour (default white).
 * @cssproperty --guest-access-background - The card's background.
 * @cssproperty --guest-access-text - The card's text colour.
 * @cssproperty --guest-access-font - The font family.
 * @cssproperty --guest-access-radius - The card's corner radius.
 */
export class GuestEntryForm extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the decorators' helpers cost the bundle more than this.
  static override properties = {
    api: {},
    token: {},
    theme: { reflect: true },
    lang: {},
    view: { state: true, attribute: false },
    room: { state: true, attribute: false },
    branding: { state: true, attribute: false },
    name: { state: true, attribute: false },
    email: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    submitError: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    navigating: { state: true, attribute: false },
    paused: { state: true, attribute: false },
    lobby: { state: true, attribute: false },
    knock: { state: true, attribute: false },
    now: { state: true, attribute: false },
  };

  /** Base URL of the guest-access API; default: this page's origin. */
  api = '';

  /** The link token, from the guest link's URL. */
  token = '';

  /** `light` or `dark`; unset follows the system's preference. */
  theme: 'light' | 'dark' | undefined;

  /** `en`, `es` or `he`; unset takes the nearest `lang` attribute (the page's). */
  override lang!: string;

  private view: View = 'loading';
  private room: RoomSchedule | undefined;
  private branding: LinkPage['branding'] | undefined;
  private name = '';
  private email = '';
  private fieldErrors: FieldErrors = {};
  private submitError: SubmitError | undefined;
  private sending = false;
  private navigating = false;
  /** Rate limited: retrying waits until the server's Retry-After has passed. */
  private paused = false;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private lobby: Lobby | undefined;
  private knock: KnockState | undefined;
  /** The clock of the time waited and of Ask again's countdown, ticking only while one shows. */
  private now = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private waitStart = 0;

  private readonly localize = new LocalizeController(this, translations);
  /** Aborts whatever the current view waits for (a request, the lobby stream). */
  private run: AbortController | undefined;
  /** One key per attempt, kept across retries and double clicks so the API counts one use. */
  private attemptKey: string | undefined;
  private entered: Entered | undefined;
  /** Set by a user action or a decision: the next view takes the focus, so a screen reader reads it. */
  private moveFocus = false;

  override connectedCallback() {
    super.connectedCallback();
    // Moved in the DOM: disconnecting stopped the stream, so pick up where the guest was.
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.run?.abort();
    this.tick(false);
  }

  /** Ticks once a second while the waiting or denied view shows; stops otherwise. */
  private tick(on: boolean) {
    if (on && !this.ticker) this.ticker = setInterval(() => (this.now = Date.now()), 1000);
    if (!on && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('lang')) this.localize.update();
    // The first update starts even without a token, which then shows the access-removed page.
    if (!this.hasUpdated || changed.has('token') || changed.has('api')) this.start();
  }

  protected override updated(changed: PropertyValues) {
    const root = this.renderRoot;
    // The fields show the model's value even where the page changed them without an input event.
    setLive(root.querySelector('#name'), 'value', this.name);
    setLive(root.querySelector('#email'), 'value', this.email);
    if (changed.has('branding')) this.applyBrandingAccent();
    if (changed.has('view'))
      this.tick(this.isConnected && (this.view === 'waiting' || this.view === 'denied'));
    if (changed.has('view') && this.moveFocus && this.view !== 'loading') {
      this.moveFocus = false;
      (
        root.querySelector<HTMLElement>('.view-title') ??
        root.querySelector('input') ??
        root.querySelector('h1')
      )?.focus();
    }
  }

  override render() {
    const t = this.localize.t;
    const logoUrl = this.branding?.logoUrl;
    return html`<div part="base" class="base" dir=${t.dir} aria-busy=${this.view === 'loading' ? 'true' : 'false'}>
      <div class="toolbar">
        ${logoUrl ? html`<img part="logo" class="logo" src=${logoUrl} alt="" />` : nothing}
        ${languageSelect(this.localize.language, t.entry.language, (language) => this.setAttribute('lang', language))}
      </div>
      ${
        this.room
          ? roomHeader(this.room, this.localize.language)
          : this.view === 'unavailable'
            ? html`<header class="room"><h1 part="title" tabindex="-1">${t.entry.unavailableTitle}</h1></header>`
            : nothing
      }
      ${this.renderView(t)}
    </div>`;
  }

  private renderView(t: EntryTranslation) {
    switch (this.view) {
      case 'loading':
        return html`<p role="status">${t.common.loading}</p>`;
      case 'form':
        return entryFormView(
          t,
          {
            name: this.name,
            email: this.email,
            fieldErrors: this.fieldErrors,
            submitError: this.submitError,
            sending: this.sending,
            paused: this.paused,
          },
          { input: (field, value) => this.input(field, value), submit: (event) => this.submit(event) },
        );
      case 'unavailable':
        return html`<p part="message" class="message">${t.entry.accessRemoved}</p>`;
      default:
        return statusView(
          t,
          this.view,
          { leave: () => this.leave(), restart: () => this.restart() },
          this.navigating,
          this.paused,
          this.view === 'waiting'
            ? waitingDetails(
                t,
                {
                  name: this.entered?.guest.name ?? '',
                  lobby: this.lobby,
                  waitedMs: this.now - this.waitStart,
                },
                () => this.leave(),
              )
            : this.view === 'denied'
              ? askAgainButton(t, this.knock, this.now, () => void this.askAgain())
              : nothing,
        );
    }
  }

  private client(session?: string) {
    return new ApiClient(new URL(this.api || '/', document.baseURI).href, () => session);
  }

  /** Aborts the previous view's work and returns the signal for the next. */
  private newRun(): AbortSignal {
    this.run?.abort();
    this.run = new AbortController();
    return this.run.signal;
  }

  private start() {
    this.view = 'loading';
    void this.resume();
  }

  private restart() {
    this.moveFocus = true;
    this.start();
  }

  /** A stored session is re-validated (no new use); without one the link is opened. */
  private async resume() {
    const signal = this.newRun();
    const session = loadSession(this.token);
    try {
      if (session) {
        const current = await this.client(session).request<GuestSession>('GET', 'v1/guest/session', {
          signal,
        });
        return this.enter({ ...current, session }, signal);
      }
      const page = await this.client().request<LinkPage>(
        'GET',
        `v1/links/${encodeURIComponent(this.token)}`,
        {
          signal,
        },
      );
      this.room = page.room;
      this.branding = page.branding;
      this.view = 'form';
    } catch (error) {
      if (!signal.aborted) this.fail(error);
    }
  }

  /** Where a refusal of the link or the session leaves the guest. */
  private fail(error: unknown) {
    if (!(error instanceof ApiRequestError)) throw error;
    switch (error.code) {
      case 'unauthorized':
        // The stored session is unknown or expired: start over from the link.
        forgetSession(this.token);
        return this.start();
      case 'rate_limited':
        this.view = 'rate_limited';
        return this.pause(error);
      default:
        if (!isRefusal(error)) {
          this.view = 'offline';
          return;
        }
        // Any other refusal (410, 404, or a 4xx of a proxy in between) means this link cannot be used.
        forgetSession(this.token);
        this.entered = undefined;
        this.room = (error.body.room as RoomSchedule | undefined) ?? this.room;
        this.view = 'unavailable';
    }
  }

  private input(field: Field, value: string) {
    this[field] = value;
    this.attemptKey = undefined;
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.sending || this.paused) return;
    const email = (event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    const name = this.name.trim();
    this.fieldErrors = {
      name: name ? undefined : 'required',
      email: email.validity.valueMissing ? 'required' : email.validity.valid ? undefined : 'invalid',
    };
    this.submitError = undefined;
    if (this.fieldErrors.name || this.fieldErrors.email) return this.focusFirstError();

    this.sending = true;
    this.attemptKey ??= newAttemptKey();
    const signal = this.newRun();
    try {
      const redemption = await this.client().request<Redemption>(
        'POST',
        `v1/links/${encodeURIComponent(this.token)}/guests`,
        { body: { name, email: email.value }, headers: { 'Idempotency-Key': this.attemptKey }, signal },
      );
      this.attemptKey = undefined;
      saveSession(this.token, redemption.session);
      this.moveFocus = true;
      this.enter(redemption, signal);
    } catch (error) {
      if (!signal.aborted) this.refuse(error);
    } finally {
      this.sending = false;
    }
  }

  /** A refused submit: errors beside the fields, or why it failed (the attempt key stays for a retry). */
  private refuse(error: unknown) {
    if (!(error instanceof ApiRequestError)) throw error;
    if (error.code === 'validation_failed' && (error.fields.name || error.fields.email)) {
      this.fieldErrors = {
        name: error.fields.name ? 'invalid' : undefined,
        email: error.fields.email ? 'invalid' : undefined,
      };
      return this.focusFirstError();
    }
    if (error.code === 'rate_limited') {
      this.pause(error);
      this.submitError = 'rate_limited';
      return;
    }
    // The key belongs to other values (never sent so by this form): Join again sends a new one.
    if (error.code === 'idempotency_key_reused') this.attemptKey = undefined;
    else if (isRefusal(error)) {
      this.moveFocus = true;
      return this.fail(error);
    }
    this.submitError = error.code === 'network' ? 'network' : 'failed';
  }

  /** Holds retries (Join, Try again) until the server's Retry-After has passed. */
  private pause(error: ApiRequestError) {
    if (!error.retryAfter) return;
    this.paused = true;
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => (this.paused = false), error.retryAfter * 1000);
  }

  private async focusFirstError() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }

  private enter(entered: Entered, signal: AbortSignal) {
    this.entered = entered;
    this.room = entered.room;
    this.lobby = entered.lobby ?? undefined;
    this.knock = entered.knock;
    this.now = Date.now();
    if (entered.guest.status === 'waiting') this.waitStart = waitingSince(this.token, this.now);
    this.show(entered.guest.status);
    if (entered.guest.status === 'waiting' || entered.guest.status === 'admitted') void this.follow(signal);
  }

  private show(status: GuestStatus) {
    if (status !== 'waiting') forgetWaitingSince(this.token);
    if (status === 'admitted') return this.handOff();
    if (status === 'left') forgetSession(this.token);
    this.view = status;
  }

  /** Follows the lobby stream; the server sends the current status first, then each decision. */
  private async follow(signal: AbortSignal) {
    const { session } = this.entered as Entered;
    await this.client(session).follow(
      'v1/guest/events',
      {
        onEvent: (name, data) => {
          if (name === 'status') this.decide((data as { status: GuestStatus }).status);
          else if (name === 'lobby') this.lobby = data as Lobby;
        },
        onError: (error) => this.fail(error),
      },
      signal,
    );
    // The server ended the stream while the guest still waits (a restart, a proxy): look again.
    if (!signal.aborted && this.view === 'waiting') {
      setTimeout(() => signal.aborted || void this.resume(), 1000);
    }
  }

  private decide(status: GuestStatus) {
    const entered = this.entered;
    if (!entered || entered.guest.status === status) return;
    this.moveFocus = true;
    // The room's joinUrl comes only with an admitted session, Ask again's state with the session: fetch it.
    if (status === 'admitted' || status === 'denied') return void this.resume();
    entered.guest = { ...entered.guest, status };
    this.show(status);
  }

  private handOff() {
    const { guest, room, session } = this.entered as Entered;
    this.view = 'admitted';
    const proceed = emit(this, 'guest-admitted', { guest, room, session }, { cancelable: true });
    const target = proceed && room.joinUrl ? joinUrlWithSession(room.joinUrl, session) : undefined;
    this.navigating = !!target;
    if (target) location.assign(target);
  }

  private async leave() {
    const entered = this.entered;
    if (!entered) return;
    this.moveFocus = true;
    const signal = this.newRun(); // the moderator's decision no longer matters to this guest
    try {
      await this.client(entered.session).request('DELETE', 'v1/guest/session', { signal });
    } catch {
      // Leave on this side anyway: the guest asked to go, and the session is forgotten below.
    }
    forgetSession(this.token);
    this.entered = undefined;
    this.view = 'left';
  }

  /** A denied guest asks again: back to waiting (no new use), or the countdown the server asks for. */
  private async askAgain() {
    const entered = this.entered;
    if (!entered) return;
    this.moveFocus = true;
    const signal = this.newRun();
    try {
      const session = await this.client(entered.session).request<GuestSession>(
        'POST',
        'v1/guest/session/knock',
        {
          signal,
        },
      );
      this.enter({ ...session, session: entered.session }, signal);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiRequestError && error.code === 'rate_limited') {
        const availableAt = error.retryAfter
          ? new Date(Date.now() + error.retryAfter * 1000).toISOString()
          : null;
        this.knock = { left: availableAt ? (this.knock?.left ?? 1) : 0, availableAt };
        return;
      }
      this.fail(error);
    }
  }

  /** The tenant's branding colour, unless the page set --guest-access-accent (set via CSSOM: CSP-safe). */
  private applyBrandingAccent() {
    const accent = this.branding?.accentColor;
    const base = this.renderRoot.querySelector<HTMLElement>('.base');
    if (accent && CSS.supports('color', accent)) base?.style.setProperty('--_brand-accent', accent);
    else base?.style.removeProperty('--_brand-accent');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-entry-form': GuestEntryForm;
  }
}
