// What the card shows once the link has answered, and the session behind it: the tenant's brand, the room's
// header, the form, and the views after it. A chunk of its own, fetched as the element starts, beside the
// link's first request (open-link.ts): the first paint (the card, its language selector and "Loading…") needs
// none of it. One chunk, views after the form included: each chunk more would be a round trip more before the
// form (the answer's reader, api-request.ts, would have to be one), and a guest goes on to them anyway.
import { html, nothing, type ReactiveController } from 'lit';
import { brandAccent } from '../internal/brand-accent.ts';
import { addStyles, LazyPart, whenIdle } from '../internal/lazy.ts';
import { setLive } from '../internal/live.ts';
import type { EntryTranslation } from '../locales/en.ts';
import { entryFormView } from './entry-form-view.ts';
import type { GuestEntryForm } from './guest-entry-form.ts';
import { GuestSessionController } from './guest-session.ts';
import { loading, partFailed } from './placeholders.ts';
import { brand, roomHeader } from './room-header.ts';
import {
  entered,
  renderStatusView,
  statusStrings,
  statusStringsReady,
  styles as statusStyles,
} from './status-view.ts';

/** The views after the form (named, not `import *`: a namespace object costs the first load a helper). */
const statusView = { entered, renderStatusView, statusStrings };

export { styles } from './entry-view.styles.ts';

export class EntryView implements ReactiveController {
  readonly session: GuestSessionController;
  /** The views after the form, once their wording is in the guest's language (loaded when the browser is idle, or when one first shows). */
  private readonly statusView: LazyPart<typeof statusView>;

  constructor(private readonly host: GuestEntryForm) {
    this.statusView = new LazyPart(host, async () => {
      await statusStringsReady(host);
      addStyles(host, ...statusStyles);
      return statusView;
    });
    host.addController(this);
    // Added to a connected element, the session starts at once (its hostConnected).
    this.session = new GuestSessionController(host, () => this.statusView.get());
    whenIdle(this.statusView.prefetch);
  }

  /** While true the card says "Loading…" and is marked busy. */
  get loading() {
    return this.session.state === 'loading';
  }

  hostUpdated() {
    const root = this.host.renderRoot;
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

  render(t: EntryTranslation) {
    const { room, branding, now } = this.session;
    return html`${brand(branding)}
      ${room ? roomHeader(t, room, now, this.host.localize.language) : nothing}
      ${this.renderView(t)}`;
  }

  private renderView(t: EntryTranslation) {
    const session = this.session;
    const { state } = session;
    switch (state) {
      case 'loading':
        return loading(t);
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
        if (view.value) return view.value.renderStatusView(view.value.statusStrings(this.host), session);
        if (!view.failed) {
          view.prefetch();
          return loading(t);
        }
        return partFailed(t, view.prefetch);
      }
    }
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const email = (event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    if (await this.session.submit(email)) return;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }

  /** The tenant's colour, adjusted per theme for contrast (CSSOM, so CSP-safe); the page's knob wins. */
  private applyBrandingAccent() {
    const { style } = this.host;
    const accent = brandAccent(this.session.branding?.accentColor);
    for (const [name, value] of Object.entries(
      accent ?? { '--_brand-accent': '', '--_brand-accent-text': '' },
    ))
      if (style.getPropertyValue(name) !== value)
        value ? style.setProperty(name, value) : style.removeProperty(name);
  }
}
