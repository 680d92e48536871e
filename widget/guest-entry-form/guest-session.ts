// The guest's way through a link as a state machine: which view shows, what moves it on (the link's
// answer, a submit, the lobby stream's decisions, leaving, asking again) and the work each view waits
// for (a request, the lobby stream, a Retry-After, the clock of the time waited). The element renders
// `state`; every change goes through `go()`, which refuses a transition the table does not allow.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  GuestSession,
  KnockState,
  LinkPage,
  Lobby,
  Redemption,
  RoomSchedule,
  RoomSummary,
} from '../internal/api-client.ts';
import { ApiRequestError, ApiRequester, isUnreached } from '../internal/api-request.ts';
import { emit } from '../internal/events.ts';
import { isValidName } from '../internal/limits.ts';
import type * as AfterEntry from './after-entry.ts';
import type { Field, FieldErrors, SubmitError } from './entry-form-view.ts';
import { apiBase, linkOpening, type SentOpening } from './open-link.ts';
import { forgetSession, saveSession } from './stored-session.ts';
import { forgetWaitingSince, waitingSince } from './waiting-since.ts';

export type SessionState =
  | 'loading'
  | 'form'
  | 'waiting'
  | 'admitted'
  | 'denied'
  | 'removed'
  | 'left'
  | 'unavailable'
  | 'offline'
  | 'rate_limited';

/** Where each state may go besides `anywhere`. `loading` re-validates (a refresh, a retry, a decision). */
const transitions: Record<SessionState, readonly SessionState[]> = {
  loading: ['form', 'waiting', 'admitted', 'denied', 'removed', 'left'],
  form: ['waiting', 'admitted'],
  waiting: ['waiting', 'admitted', 'denied', 'removed', 'left'],
  admitted: ['admitted', 'removed', 'left'],
  denied: ['waiting', 'denied', 'admitted'],
  removed: [],
  left: [],
  unavailable: [],
  offline: [],
  rate_limited: [],
};
/** Any step can be refused or cut off, and every view can start over. */
const anywhere: readonly SessionState[] = ['loading', 'unavailable', 'offline', 'rate_limited'];

export const canGo = (from: SessionState, to: SessionState) =>
  anywhere.includes(to) || transitions[from].includes(to);

type Guest = Redemption['guest'];

/** The guest once the API accepted them: what the hand-off and the lobby stream need. */
export interface Entered {
  guest: Guest;
  room: RoomSummary;
  session: string;
  lobby?: GuestSession['lobby'];
  knock?: KnockState;
}

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  api: string;
  token: string;
  readonly hasUpdated: boolean;
  /** The link's first request, sent before this controller's chunk arrived; given once, for the current link. */
  takeOpening(): SentOpening | undefined;
}

/**
 * The API refused (a 4xx of its own), and sending the same again would not change it. Another server's 4xx
 * (`not_api`) says nothing of the link.
 */
const isRefusal = (error: ApiRequestError) =>
  error.status >= 400 && error.status < 500 && !isUnreached(error);

/** randomUUID needs a secure context; getRandomValues does not (a LAN address over plain http). */
const newAttemptKey = (): string =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );

export class GuestSessionController implements ReactiveController {
  state: SessionState = 'loading';
  room: RoomSchedule | undefined;
  branding: LinkPage['branding'] | undefined;
  /** The form's fields and errors (reasons, not sentences, so they follow a change of language). */
  form = {
    name: '',
    email: '',
    fieldErrors: {} as FieldErrors,
    submitError: undefined as SubmitError | undefined,
  };
  sending = false;
  /** Rate limited: Join and Try again wait until the server's Retry-After has passed (`pausedUntil`). */
  paused = false;
  pausedUntil = 0;
  /** The element is going to the room's joinUrl. */
  navigating = false;
  lobby: Lobby | undefined;
  /** The lobby stream dropped and is being reopened: what the waiting view shows may be out of date. */
  reconnecting = false;
  knock: KnockState | undefined;
  /** Who is joining, while entered. */
  guestName = '';
  /** The clock of the time waited and of the countdowns, ticking only while one shows. */
  now = Date.now();
  waitStart = 0;
  /** Set by a user action or a decision: the element moves focus into the next view. */
  focusNext = false;

  // Not private: what after-entry.ts (the later views' chunk) works with.
  entered: Entered | undefined;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  private run: AbortController | undefined;
  private attemptKey: string | undefined;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly host: SessionHost,
    /** The later views' chunk, which carries the guest's way once in (after-entry.ts). */
    private readonly loadAfterEntry: () => Promise<Pick<typeof AfterEntry, 'entered'>>,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Moved in the DOM: disconnecting stopped the stream, so pick up where the guest was.
    if (this.host.hasUpdated) this.start();
  }

  hostDisconnected() {
    this.run?.abort();
    clearTimeout(this.pauseTimer);
    clearTimeout(this.retryTimer);
    this.tick(false);
  }

  /** The only way the view changes. */
  go(next: SessionState) {
    if (!canGo(this.state, next)) return;
    this.state = next;
    if (next !== 'waiting') forgetWaitingSince(this.host.token);
    // The clock shows in these views: the time waited, Ask again's and Try again's countdowns.
    this.tick(this.host.isConnected && ['waiting', 'denied', 'rate_limited'].includes(next));
    this.host.requestUpdate();
  }

  private tick(on: boolean) {
    if (on && !this.ticker)
      this.ticker = setInterval(() => {
        this.now = Date.now();
        this.host.requestUpdate();
      }, 1000);
    if (!on && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  client(session?: string) {
    return new ApiRequester(apiBase(this.host), () => session);
  }

  /** Aborts the previous view's work and returns the signal for the next. */
  newRun(): AbortSignal {
    this.run?.abort();
    clearTimeout(this.retryTimer);
    this.run = new AbortController();
    return this.run.signal;
  }

  /** Opens the link again: a stored session is re-validated (no new use), else the form shows. */
  start() {
    this.go('loading');
    void this.resume();
  }

  /** Starts over after a user's action (Join again, Try again): the next view takes the focus. */
  restart() {
    if (this.paused) return;
    this.focusNext = true;
    this.start();
  }

  async resume() {
    const signal = this.newRun();
    // The element's own first request, sent before this chunk was here, else a new one.
    const sent = this.host.takeOpening();
    // Ended with this run (a disconnect, a newer run), as a request of the run's own would be.
    if (sent) signal.addEventListener('abort', sent.cancel, { once: true });
    const { path, session } = sent ?? linkOpening(this.host);
    try {
      const client = this.client(session);
      if (sent) client.sentAhead(path, sent.response);
      const answer = await client.request<unknown>('GET', path, { signal });
      // An answer the request sent ahead had already read before the run ended.
      if (signal.aborted) return;
      if (session) return this.enter({ ...(answer as GuestSession), session }, signal);
      const page = answer as LinkPage;
      this.room = page.room;
      this.branding = page.branding;
      this.go('form');
    } catch (error) {
      if (!signal.aborted) this.fail(error);
    }
  }

  /** Where a refusal of the link or the session leaves the guest. */
  fail(error: unknown) {
    if (!(error instanceof ApiRequestError)) throw error;
    if (error.code === 'unauthorized') {
      // The stored session is unknown or expired: start over from the link.
      forgetSession(this.host.token);
      return this.start();
    }
    if (error.code === 'rate_limited') {
      this.pause(error);
      return this.go('rate_limited');
    }
    // The guest reads that the server cannot be reached; whoever set the page up needs why (a wrong `api`).
    if (isUnreached(error))
      console.warn(
        `<guest-entry-form> could not reach the service: ${error.code} (${error.status}) ${error.message}`,
      );
    if (!isRefusal(error)) return this.go('offline');
    // Any other refusal (410, 404) means this link cannot be used.
    this.forget();
    this.room = (error.body.room as RoomSchedule | undefined) ?? this.room;
    this.go('unavailable');
  }

  /**
   * Tells the page the guest was admitted (`guest-admitted`); false when it handles the hand-off itself.
   * Here, not in after-entry.ts, so that the script tag's entry keeps the one copy the manager uses too.
   */
  announceAdmitted(detail: Pick<Entered, 'guest' | 'room' | 'session'>): boolean {
    return emit(this.host, 'guest-admitted', detail, { cancelable: true });
  }

  /** The guest is out (left, or the link refused): the stored session goes too. */
  forget() {
    forgetSession(this.host.token);
    this.entered = undefined;
  }

  input(field: Field, value: string) {
    this.form[field] = value;
    this.attemptKey = undefined;
    if (this.form.fieldErrors[field])
      this.form.fieldErrors = { ...this.form.fieldErrors, [field]: undefined };
    this.host.requestUpdate();
  }

  /** Sends the form; `email` is the field itself, whose validity the browser has judged. */
  async submit(email: HTMLInputElement): Promise<boolean> {
    if (this.sending || this.paused) return true;
    const name = this.form.name.trim();
    this.form.fieldErrors = {
      name: !name ? 'required' : isValidName(name) ? undefined : 'invalid',
      email: email.validity.valueMissing ? 'required' : email.validity.valid ? undefined : 'invalid',
    };
    this.form.submitError = undefined;
    this.host.requestUpdate();
    if (this.form.fieldErrors.name || this.form.fieldErrors.email) return false;

    this.sending = true;
    this.attemptKey ??= newAttemptKey();
    const signal = this.newRun();
    try {
      const redemption = await this.client().request<Redemption>(
        'POST',
        `v1/links/${encodeURIComponent(this.host.token)}/guests`,
        { body: { name, email: email.value }, headers: { 'Idempotency-Key': this.attemptKey }, signal },
      );
      this.attemptKey = undefined;
      saveSession(this.host.token, redemption.session);
      this.focusNext = true;
      this.enter(redemption, signal);
      return true;
    } catch (error) {
      return signal.aborted || this.refuse(error);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** A refused submit: errors beside the fields (false), or why it failed (the key stays for a retry). */
  private refuse(error: unknown): boolean {
    if (!(error instanceof ApiRequestError)) throw error;
    if (error.code === 'validation_failed' && (error.fields.name || error.fields.email)) {
      this.form.fieldErrors = {
        name: error.fields.name ? 'invalid' : undefined,
        email: error.fields.email ? 'invalid' : undefined,
      };
      return false;
    }
    if (error.code === 'rate_limited') {
      this.pause(error);
      this.form.submitError = 'rate_limited';
      return true;
    }
    // The key belongs to other values (never sent so by this form): Join again sends a new one.
    if (error.code === 'idempotency_key_reused') this.attemptKey = undefined;
    else if (isRefusal(error)) {
      this.focusNext = true;
      this.fail(error);
      return true;
    }
    this.form.submitError = isUnreached(error) ? 'network' : 'failed';
    return true;
  }

  /** Holds retries (Join, Try again) until the server's Retry-After has passed. */
  private pause(error: ApiRequestError) {
    if (!error.retryAfter) return;
    this.paused = true;
    this.pausedUntil = Date.now() + error.retryAfter * 1000;
    this.now = Date.now();
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => {
      this.paused = false;
      this.host.requestUpdate();
    }, error.retryAfter * 1000);
  }

  /** The guest is in: what follows (the stream, the decisions, the hand-off) comes with the later views. */
  enter(entered: Entered, signal: AbortSignal) {
    this.entered = entered;
    this.room = entered.room;
    this.guestName = entered.guest.name;
    this.lobby = entered.lobby ?? undefined;
    this.reconnecting = false;
    this.knock = entered.knock;
    this.now = Date.now();
    const { status } = entered.guest;
    if (status === 'waiting') this.waitStart = waitingSince(this.host.token, this.now);
    this.loadAfterEntry().then(
      (after) => signal.aborted || after.entered(this, status, signal),
      // The chunk did not come: the element says so, and Retry starts over once it has.
      () => signal.aborted || this.go('offline'),
    );
  }
}
