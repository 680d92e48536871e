import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { backoffMs } from '../internal/backoff.ts';
import { addStyles, LazyPart, whenIdle } from '../internal/lazy.ts';
import { setLive } from '../internal/live.ts';
import { type Catalog, type Language, LocalizeController } from '../internal/localize.ts';
import { brandAccent } from '../internal/theme.ts';
import { common, dir } from '../locales/en.common.ts';
import { entry } from '../locales/en.entry.ts';
import type { EntryTranslation } from '../locales/en.ts';
import { entryFormView } from './entry-form-view.ts';
import { styles } from './guest-entry-form.styles.ts';
import { GuestSessionController } from './guest-session.ts';
import { languageSelect } from './language-select.ts';
import { brand, roomHeader } from './room-header.ts';

/** The views after the form (module-level: tsc rewrites the `.ts` of a dynamic import here, not in a class field). */
const loadStatusView = () => import('./status-view.ts');

/** The form's wording: English built in, each other language a chunk loaded when first asked for. */
const translations: Catalog<'entry'> = {
  en: { dir, common, entry },
  es: async () => (await import('../locales/es.entry.ts')).es,
  he: async () => (await import('../locales/he.entry.ts')).he,
};

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
 * @csspart brand - The tenant's initial and name, where it has no logo.
 * @csspart language - The language selector ("EN ▾"); choosing sets the element's `lang` attribute.
 * @csspart badge - "Live now", "Starts in 20 min" or "Ended", from the room's schedule.
 * @csspart title - The room's title.
 * @csspart schedule - The room's date and time range, in the room's time zone.
 * @csspart form - The entry form.
 * @csspart label - The labels of Name and Email.
 * @csspart input - The Name and Email fields.
 * @csspart error - A validation message beside a field, or why a submit failed.
 * @csspart submit-button - The form's submit button.
 * @csspart status - The view after the form (waiting, admitted, denied, removed, left, link unavailable,
 *   server unreachable, too many attempts): an icon, a title, a sentence and at most one action.
 * @csspart status-icon - The status view's icon.
 * @csspart status-title - The status view's title.
 * @csspart message - The status view's sentence.
 * @csspart connection - The waiting view's "Connection lost — reconnecting" line (empty while connected).
 * @csspart host-presence - Whether the host is here ("The host has been notified" or not yet).
 * @csspart lobby-message - The host's message to waiting guests.
 * @csspart position - The guest's place in line.
 * @csspart waited - How long the guest has waited.
 * @csspart leave-button - Leaves the waiting room.
 * @csspart not-you-button - "Not you?": leaves the waiting room.
 * @csspart ask-again-button - A denied guest asks again (held, with the seconds left, while rate-limited).
 * @csspart join-again-button - Back to the form after leaving.
 * @csspart retry-button - Tries again after the server could not be reached or refused too many attempts
 *   (held until its `Retry-After` has passed).
 *
 * @cssproperty --guest-access-accent - Buttons, links, focus rings and the waiting pulse; default: the
 *   tenant's branding colour (adjusted to 3:1 on the card in each theme), else blue.
 * @cssproperty --guest-access-accent-text - Text on the accent colour.
 * @cssproperty --guest-access-background - The card's background.
 * @cssproperty --guest-access-text - The text colour.
 * @cssproperty --guest-access-muted - Secondary text.
 * @cssproperty --guest-access-border - Borders of fields and controls (lighter rules are mixed from it).
 * @cssproperty --guest-access-danger - Errors.
 * @cssproperty --guest-access-success - The admitted icon.
 * @cssproperty --guest-access-radius - The card's corner radius.
 * @cssproperty --guest-access-font - The font family.
 */
export class GuestEntryForm extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the decorators' helpers cost the bundle more than this.
  static override properties = {
    api: {},
    token: {},
    theme: { reflect: true },
    lang: {},
  };

  /** Base URL of the guest-access API; default: this page's origin. */
  api = '';

  /** The link token, from the guest link's URL. */
  token = '';

  /** `light` or `dark`; unset follows the system's preference. */
  theme: 'light' | 'dark' | undefined;

  /** `en`, `es` or `he`; unset follows the nearest `lang` attribute (the page's), also when it changes. */
  override lang!: string;

  /** @internal */
  readonly localize = new LocalizeController(this, translations, () => this.retryLanguageLater());
  /** While the wanted language's chunk fails, the form stays usable in English and tries again, further apart. */
  private languageRetry: ReturnType<typeof setTimeout> | undefined;
  private languageFailures = 0;
  private readonly session = new GuestSessionController(this, () => this.statusView.get());
  /** The views after the form with their wording, loaded when one first shows (or when the browser is idle before). */
  private readonly statusView = new LazyPart(this, async () => {
    const view = await loadStatusView();
    await view.statusStringsReady(this);
    addStyles(this, ...view.styles);
    return view;
  });

  protected override firstUpdated() {
    whenIdle(this.statusView.prefetch);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.languageRetry);
  }

  private retryLanguageLater() {
    clearTimeout(this.languageRetry);
    const delay = backoffMs(2_000, 30_000, this.languageFailures++);
    this.languageRetry = setTimeout(() => this.localize.update(), delay);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('lang')) {
      // Another language's chunk starts its retries afresh, not at the last language's longest delay.
      clearTimeout(this.languageRetry);
      this.languageFailures = 0;
      this.localize.update();
    }
    // The first update starts even without a token, which then shows the access-removed page.
    if (!this.hasUpdated || changed.has('token') || changed.has('api')) this.session.start();
  }

  protected override updated() {
    const root = this.renderRoot;
    // The fields show the model's value even where the page changed them without an input event.
    setLive(root.querySelector('#name'), 'value', this.session.form.name);
    setLive(root.querySelector('#email'), 'value', this.session.form.email);
    this.applyBrandingAccent();
    const { state } = this.session;
    const shown = state === 'form' || (state !== 'loading' && this.statusView.value);
    if (this.session.focusNext && shown) {
      this.session.focusNext = false;
      (
        root.querySelector<HTMLElement>('.view-title') ??
        root.querySelector('input') ??
        root.querySelector('h1')
      )?.focus();
    }
  }

  override render() {
    const t = this.localize.t;
    const { room, state } = this.session;
    return html`<div part="base" class="base" dir=${t.dir} aria-busy=${state === 'loading' ? 'true' : 'false'}>
      ${languageSelect(this.localize.language, t.entry.language, (language) => this.chooseLanguage(language))}
      ${brand(this.session.branding)}
      ${room ? roomHeader(t, room, this.session.now, this.localize.language) : nothing}
      ${this.renderView(t)}
    </div>`;
  }

  private renderView(t: EntryTranslation) {
    const session = this.session;
    const { state } = session;
    switch (state) {
      case 'loading':
        return html`<p role="status">${t.common.loading}</p>`;
      case 'form':
        return entryFormView(
          t,
          { ...session.form, sending: session.sending, paused: session.paused },
          {
            input: (field, value) => session.input(field, value),
            submit: (event) => void this.submit(event),
          },
        );
      default: {
        const view = this.statusView;
        if (view.value) return view.value.renderStatusView(view.value.statusStrings(this), session);
        if (!view.failed) {
          view.prefetch();
          return html`<p role="status">${t.common.loading}</p>`;
        }
        // The chunk did not come (offline, or replaced by a deploy): say so, and let the guest try again.
        return html`<p part="error" class="error" role="alert">${t.common.partFailed}</p>
          <button part="retry-button" class="secondary" type="button" @click=${view.prefetch}>
            ${t.common.retry}
          </button>`;
      }
    }
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const email = (event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    if (await this.session.submit(email)) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }

  /** The guest's choice of language is the element's `lang` (a page may follow it: the entry page does). */
  private chooseLanguage(language: Language) {
    this.setAttribute('lang', language);
  }

  /** The tenant's colour, adjusted per theme for contrast (CSSOM, so CSP-safe); the page's knob wins. */
  private applyBrandingAccent() {
    const accent = brandAccent(this.session.branding?.accentColor);
    for (const [name, value] of Object.entries(
      accent ?? { '--_brand-accent': '', '--_brand-accent-text': '' },
    ))
      if (this.style.getPropertyValue(name) !== value)
        value ? this.style.setProperty(name, value) : this.style.removeProperty(name);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-entry-form': GuestEntryForm;
  }
}
