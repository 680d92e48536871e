import { html, LitElement, type PropertyValues } from 'lit';
import { backoffMs } from '../internal/backoff.ts';
import { addStyles, LazyPart } from '../internal/lazy.ts';
import { type Catalog, type Language, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import { entry } from '../locales/en.entry.ts';
import { styles } from './guest-entry-form.styles.ts';
import { languageSelect } from './language-select.ts';
import { type SentOpening, sendOpening } from './open-link.ts';
import { loading, partFailed } from './placeholders.ts';

/** The card's content once the link has answered (module-level: tsc rewrites the `.ts` of a dynamic import here, not in a class field). */
const loadEntryView = () => import('./entry-view.ts');

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
  /** The link's first request, sent beside the content's chunk; ended if the element leaves the page first. */
  private opening: SentOpening | undefined;
  /** What the card shows once the link has answered, and the session behind it (entry-view.ts). */
  private readonly content = new LazyPart(this, async () => {
    const { EntryView, styles } = await loadEntryView();
    addStyles(this, ...styles);
    return new EntryView(this);
  });

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.languageRetry);
    // Reconnected later, the session asks afresh rather than take an answer that has since aged.
    this.dropOpening();
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
    if (!this.hasUpdated || changed.has('token') || changed.has('api')) this.start();
  }

  /** Opens the link: the session does once its chunk is here; until then the request goes out beside it. */
  private start() {
    const content = this.content.value;
    if (content) return content.session.start();
    this.dropOpening();
    this.opening = sendOpening(this);
    this.content.prefetch();
  }

  /** @internal The first request, once, while it is still for this element's link. */
  takeOpening(): SentOpening | undefined {
    const sent = this.opening;
    if (sent?.api !== this.api || sent.token !== this.token) return this.dropOpening();
    this.opening = undefined;
    return sent;
  }

  private dropOpening(): undefined {
    this.opening?.cancel();
    this.opening = undefined;
  }

  override render() {
    const t = this.localize.t;
    const content = this.content.value;
    const busy = content ? content.loading : !this.content.failed;
    return html`<div part="base" class="base" dir=${t.dir} aria-busy=${busy ? 'true' : 'false'}>
      ${languageSelect(this.localize.language, t.entry.language, (language) => this.chooseLanguage(language))}
      ${content ? content.render(t) : this.content.failed ? partFailed(t, () => this.start()) : loading(t)}
    </div>`;
  }

  /** The guest's choice of language is the element's `lang` (a page may follow it: the entry page does). */
  private chooseLanguage(language: Language) {
    this.setAttribute('lang', language);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-entry-form': GuestEntryForm;
  }
}
