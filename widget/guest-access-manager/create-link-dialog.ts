// The "Create new link" window, also "Edit guest link" pre-filled from a row: Link Name (required),
// # of clicks, and the expiry either after N days or on a date and time (in the room's time zone, else
// the browser's), and the link's own admission; an edit can also give the link a new address. Each field is checked as it is typed and left, by the API's own rules (widget/internal/limits.ts);
// the fields the API still names in a refusal get their rule shown beside them too.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ApiRequestError, Link, LinkAdmission, LinkChanges } from '../internal/api-client.ts';
import { addStyles } from '../internal/lazy.ts';
import {
  DAY_MS,
  expiresAtFor,
  isValidLimit,
  isValidName,
  MAX_LINK_DAYS,
  MAX_LINK_USES,
  NAME_MAX_LENGTH,
} from '../internal/limits.ts';
import { dateTime, type LocalizeController } from '../internal/localize.ts';
import { instantToZoned, zonedToInstant } from '../internal/zoned-time.ts';
import { failureStrings } from './failure-strings.ts';
import { busyButton, closeIcon } from './icons.ts';
import { ModalDialog } from './modal-dialog.ts';
import { asApiError, describeRefusal } from './refusal.ts';
import { windowStyles } from './window.styles.ts';
import { windowStrings } from './window-strings.ts';

export interface LinkInput {
  name: string;
  maxUses?: number;
  durationDays?: number;
  /** An alternative to `durationDays`: the instant the link expires. */
  expiresAt?: string;
  admission?: LinkAdmission;
}

type Field = Exclude<keyof LinkInput, 'admission'>;
type ExpiryMode = 'days' | 'date';

export interface CreateLinkHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<boolean>;
  createLink(input: LinkInput): Promise<Link>;
  updateLink(link: Link, changes: LinkChanges): Promise<Link>;
  /** A new address for the link; the old one stops working. */
  rotateLink(link: Link): Promise<Link>;
  /** The room's IANA time zone, when it has one: the expiry date is typed in it. */
  readonly roomTimeZone: string | null;
  /** Where focus goes when the opener can no longer take it (the button disables at the limit). */
  focusFallback(): HTMLElement | null;
}

/** An empty number field means "no limit"; anything else goes to the API as typed. */
function optionalNumber(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : Number(text);
}

/** Rule 2 for an expiry date as typed in `zone`: empty (never), or from now to `MAX_LINK_DAYS` ahead. */
function isValidExpiry(typed: string, zone: string): boolean {
  if (typed === '') return true;
  const at = zonedToInstant(typed, zone);
  const now = Date.now();
  return at > now && at <= now + MAX_LINK_DAYS * DAY_MS;
}

/**
 * A fieldset of radio buttons, one per choice (value → label), `checked` the one checked. Checkedness is read
 * live: closing the window resets its form, which unchecks them all behind Lit's back.
 */
function choices<T extends string>(
  legend: string,
  name: string,
  part: string,
  checked: T,
  labels: Record<T, string>,
) {
  return html`<fieldset class="choices">
    <legend>${legend}</legend>
    ${(Object.entries(labels) as Array<[T, string]>).map(
      ([value, label]) => html`<label class="check-row"
        ><input type="radio" name=${name} part=${part} value=${value} .checked=${live(checked === value)} /><span
          >${label}</span
        ></label
      >`,
    )}
  </fieldset>`;
}

const isField = (name: string): name is Field =>
  name === 'name' || name === 'maxUses' || name === 'durationDays' || name === 'expiresAt';

export class CreateLinkDialog implements ReactiveController {
  readonly dialog: ModalDialog;
  /** The dialog's `close` listener. */
  private readonly closed: () => void;
  private sending = false;
  private invalid: Partial<Record<Field, true>> = {};
  /** Fields left once: from then on they are checked as they are typed. */
  private touched: Partial<Record<Field, true>> = {};
  /** The Link Name is empty (or only spaces): its error asks for a name rather than stating the rule. */
  private nameEmpty = false;
  private refusal?: ApiRequestError;
  /** The Duration as typed, for the expiry date shown under it. */
  private durationDays = '';
  private expiryMode: ExpiryMode = 'days';
  /** The link being edited (the window then says "Edit guest link" and saves); none: a new link. */
  private editing?: Link;
  /** The expiry date the edit window opened with: unchanged, it is neither checked nor sent. */
  private initialExpiry = '';
  /** The API's reason the number of clicks was refused: below the link's uses so far. */
  private belowUses = false;
  private admission: LinkAdmission = 'room';
  /** The edited link is to get a new address on Save. */
  private rotate = false;
  /** The link this window created or gave a new address: its row's Copy button takes the focus on close. */
  private toShare?: Link;

  constructor(private readonly host: CreateLinkHost) {
    host.addController(this);
    addStyles(host, ...windowStyles);
    this.dialog = new ModalDialog(host, '[part~="create-dialog"]');
    this.closed = this.dialog.whenClosed(this.onClose);
  }

  hostDisconnected() {
    this.dialog.close();
  }

  /** Opens the window empty, or (`link`) pre-filled to edit that link. */
  async open(link?: Link) {
    this.toShare = undefined;
    this.editing = link;
    this.admission = link?.admission ?? 'room';
    this.rotate = false;
    this.expiryMode = link?.expiresAt ? 'date' : 'days';
    this.initialExpiry = link?.expiresAt ? instantToZoned(Date.parse(link.expiresAt), this.zone) : '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    const form = this.form();
    if (link && form) {
      const set = (name: string, value: string) => {
        const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
        if (input) input.value = value;
      };
      set('name', link.name);
      set('maxUses', link.maxUses === null ? '' : String(link.maxUses));
      set('expiresAt', this.initialExpiry);
    }
    this.dialog.open();
  }

  /** The zone expiry dates are typed in: the room's, else the browser's. */
  private get zone(): string {
    return this.host.roomTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Rule 2, field by field. A number field holding text the browser cannot read (`badInput`) is invalid. */
  private isValid(input: HTMLInputElement): boolean {
    if (input.validity.badInput) return false;
    if (input.name === 'name') return isValidName(input.value);
    if (input.name === 'expiresAt')
      return input.value === this.initialExpiry || isValidExpiry(input.value, this.zone);
    return isValidLimit(input.value, input.name === 'maxUses' ? MAX_LINK_USES : MAX_LINK_DAYS);
  }

  /** What the form says, as the API takes it: a new link's fields, or an edited link's changes. */
  private values(form: HTMLFormElement): LinkInput | LinkChanges {
    const values = new FormData(form);
    const name = String(values.get('name') ?? '');
    const maxUses = optionalNumber(values.get('maxUses'));
    const durationDays = optionalNumber(values.get('durationDays'));
    const typedExpiry = String(values.get('expiresAt') ?? '');
    const expiresAt =
      typedExpiry === '' ? undefined : new Date(zonedToInstant(typedExpiry, this.zone)).toISOString();
    const byDate = this.expiryMode === 'date';
    const admission = this.admission;
    if (!this.editing) return { name, maxUses, admission, ...(byDate ? { expiresAt } : { durationDays }) };
    // An edit sends what can change; the expiry only when the host changed it (empty: never).
    const expiryChanged = byDate
      ? typedExpiry !== this.initialExpiry
      : durationDays !== undefined || !!this.initialExpiry;
    const expiry = !expiryChanged
      ? {}
      : byDate || durationDays === undefined
        ? { expiresAt: expiresAt ?? null }
        : { durationDays };
    const admissionChange = admission === this.editing.admission ? {} : { admission };
    return { name, maxUses: maxUses ?? null, ...expiry, ...admissionChange };
  }

  private form() {
    return this.dialog.element?.querySelector('form');
  }

  private onClose = async () => {
    this.form()?.reset();
    this.invalid = {};
    this.touched = {};
    this.nameEmpty = false;
    this.durationDays = '';
    this.belowUses = false;
    this.refusal = undefined;
    this.editing = undefined;
    this.host.requestUpdate();
    const shared = this.toShare;
    if (!shared) {
      this.dialog.restoreFocus(() => this.host.focusFallback());
      return;
    }
    // The next step is sharing the new link or address: its Copy button, not the opener, takes the focus.
    await this.host.updateComplete;
    const row = this.host.renderRoot.querySelector(`[data-link-id="${CSS.escape(shared.id)}"]`);
    const copy = row?.querySelector<HTMLElement>('[part~="copy-button"]');
    if (copy) copy.focus();
    else this.dialog.restoreFocus(() => this.host.focusFallback());
  };

  /** Marks `input` valid or not; an error shows once the field was left, and clears as soon as it is valid. */
  private check(input: HTMLInputElement, show: boolean): boolean {
    const name = input.name;
    if (!isField(name)) return true;
    const valid = this.isValid(input);
    if (name === 'maxUses') this.belowUses = false;
    if (name === 'name') this.nameEmpty = input.value.trim() === '';
    if (valid) delete this.invalid[name];
    else if (show || this.touched[name]) this.invalid[name] = true;
    this.host.requestUpdate();
    return valid;
  }

  private onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'durationDays') this.durationDays = input.value;
    if (input.name === 'admission') this.admission = input.value as LinkAdmission;
    if (input.name === 'rotate') this.rotate = input.checked;
    if (input.name === 'expiry') {
      this.expiryMode = input.value as ExpiryMode;
      delete this.invalid.durationDays;
      delete this.invalid.expiresAt;
      this.host.requestUpdate();
      return;
    }
    this.check(input, false);
  };

  private onBlur = (event: FocusEvent) => {
    const input = event.target as HTMLInputElement;
    if (!isField(input.name)) return;
    // Leaving an empty required field untouched is not yet a mistake (e.g. tabbing to Cancel).
    if (input.value === '' && !input.validity.badInput && !this.touched[input.name]) return;
    this.touched[input.name] = true;
    this.check(input, true);
  };

  private onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending) return;
    const form = event.target as HTMLFormElement;
    const fields = [...form.querySelectorAll<HTMLInputElement>('input[name]')];
    // Every field is checked (not just the first wrong one), so every error shows at once.
    const valid = fields.map((input) => this.check(input, true)).every(Boolean);
    if (!valid) {
      await this.host.updateComplete;
      form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const input = this.values(form);
    const editing = this.editing;
    this.sending = true;
    this.invalid = {};
    this.refusal = undefined;
    this.host.requestUpdate();
    try {
      if (!editing) this.toShare = await this.host.createLink(input as LinkInput);
      else {
        const updated = await this.host.updateLink(editing, input as LinkChanges);
        if (this.rotate) {
          this.toShare = await this.host.rotateLink(updated);
        }
      }
      this.dialog.close();
    } catch (error) {
      const refusal = asApiError(error);
      if (refusal.code === 'max_uses_below_uses') {
        this.invalid.maxUses = true;
        this.belowUses = true;
      } else if (refusal.code === 'validation_failed' && Object.keys(refusal.fields).length) {
        for (const field of Object.keys(refusal.fields)) {
          if (isField(field)) this.invalid[field] = true;
        }
      } else {
        this.refusal = refusal;
      }
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    this.form()?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  };

  render() {
    const localize = this.host.localize;
    const t = localize.t;
    const c = windowStrings(this.host).create;
    const number = new Intl.NumberFormat(localize.language);
    const expiresAt =
      this.durationDays !== '' && isValidLimit(this.durationDays, MAX_LINK_DAYS)
        ? expiresAtFor(Date.now(), Number(this.durationDays))
        : null;
    const describedBy = this.describedBy;
    return html`<dialog
      part="dialog create-dialog"
      class="window"
      aria-labelledby="create-title"
      @close=${this.closed}
    >
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @focusout=${this.onBlur}>
        <div class="window-head">
          <h3 id="create-title">${this.editing ? c.editTitle : c.title}</h3>
          <button
            type="button"
            class="icon-button"
            part="close-button"
            aria-label=${t.common.close}
            @click=${() => this.dialog.close()}
          >
            ${closeIcon}
          </button>
        </div>
        <p class="muted">${this.editing ? c.editIntro : c.intro}</p>
        ${this.field(
          'name',
          c.name,
          html`<input
            id="name"
            name="name"
            part="input"
            autocomplete="off"
            maxlength=${NAME_MAX_LENGTH}
            placeholder=${c.namePlaceholder}
            required
            data-autofocus
            aria-required="true"
            aria-invalid=${this.invalid.name ? 'true' : 'false'}
            aria-describedby=${describedBy('name')}
          />`,
          number.format(NAME_MAX_LENGTH),
        )}
        ${this.field(
          'maxUses',
          c.clicks,
          html`<input
            id="maxUses"
            name="maxUses"
            part="input"
            type="number"
            inputmode="numeric"
            min="1"
            max=${MAX_LINK_USES}
            step="1"
            aria-invalid=${this.invalid.maxUses ? 'true' : 'false'}
            aria-describedby=${describedBy('maxUses', 'maxUses-hint')}
          />
          ${this.invalid.maxUses ? nothing : html`<span id="maxUses-hint" class="hint">${c.clicksHint}</span>`}`,
          number.format(MAX_LINK_USES),
        )}
        ${choices(c.expiry, 'expiry', 'expiry-mode', this.expiryMode, {
          days: c.expiryAfterDays,
          date: c.expiryOnDate,
        })}
        ${this.expiryMode === 'days' ? this.durationField(expiresAt) : this.dateField()}
        ${this.admissionFields()}
        ${
          this.refusal
            ? html`<p part="error" class="error" role="alert">${describeRefusal(this.refusal, failureStrings(this.host))}</p>`
            : nothing
        }
        <div class="window-foot">
          <button type="button" class="button" part="cancel-button" @click=${() => this.dialog.close()}>
            ${c.cancel}
          </button>
          ${busyButton(this.editing ? c.save : c.submit, this.sending, { type: 'submit', kind: 'primary' })}
        </div>
      </form>
    </dialog>`;
  }

  /** Who waits in the lobby when they come through this link; when editing, also a new address. */
  private admissionFields() {
    const c = windowStrings(this.host).create;
    return html`${choices(c.admission, 'admission', 'admission-mode', this.admission, {
      room: c.admissionRoom,
      moderator: c.admissionModerator,
      auto: c.admissionAuto,
    })}
      ${
        this.editing
          ? html`<div class="field">
            <label class="check-row"
              ><input
                type="checkbox"
                name="rotate"
                part="rotate-checkbox"
                aria-describedby="rotate-hint"
                .checked=${live(this.rotate)}
              /><span>${c.rotate}</span></label
            >
            <span id="rotate-hint" class="hint">${c.rotateHint}</span>
          </div>`
          : nothing
      }`;
  }

  /** "Expires after N days": Duration, with the date it comes to under it. */
  private durationField(expiresAt: number | null) {
    const localize = this.host.localize;
    const c = windowStrings(this.host).create;
    const number = new Intl.NumberFormat(localize.language);
    const describedBy = this.describedBy;
    return this.field(
      'durationDays',
      c.duration,
      html`<span class="with-suffix">
          <input
            id="durationDays"
            name="durationDays"
            part="input"
            type="number"
            inputmode="numeric"
            min="1"
            max=${MAX_LINK_DAYS}
            step="1"
            aria-invalid=${this.invalid.durationDays ? 'true' : 'false'}
            aria-describedby=${describedBy('durationDays', 'durationDays-suffix', 'durationDays-hint')}
          />
          <span id="durationDays-suffix" class="suffix">${c.days}</span>
        </span>
        <span id="durationDays-hint" class="hint" ?hidden=${this.invalid.durationDays}
          >${
            expiresAt === null
              ? c.durationHint
              : html`<span part="expiry-preview" class="expiry-preview"
                  >${c.expiresOn(
                    dateTime(localize.language, new Date(expiresAt).toISOString(), {
                      dateStyle: 'full',
                      timeStyle: 'short',
                    }),
                  )}</span
                >`
          }</span
        >`,
      number.format(MAX_LINK_DAYS),
    );
  }

  /** "Expires on <date> <time>", typed in the room's time zone (else the browser's), which the hint names. */
  private dateField() {
    const c = windowStrings(this.host).create;
    const zone = this.zone;
    return this.field(
      'expiresAt',
      c.expiryDate,
      html`<input
          id="expiresAt"
          name="expiresAt"
          part="input"
          type="datetime-local"
          aria-invalid=${this.invalid.expiresAt ? 'true' : 'false'}
          aria-describedby=${this.describedBy('expiresAt', 'expiresAt-hint')}
        />
        <span id="expiresAt-hint" class="hint" ?hidden=${this.invalid.expiresAt}
          >${this.host.roomTimeZone ? c.roomZoneHint(zone) : c.browserZoneHint(zone)}</span
        >`,
      new Intl.NumberFormat(this.host.localize.language).format(MAX_LINK_DAYS),
    );
  }

  /** A field's description: its hints, or while it breaks its rule, the rule instead of the hints. */
  private describedBy = (name: Field, ...ids: string[]) =>
    (this.invalid[name] ? [...ids.filter((id) => !id.endsWith('-hint')), `${name}-error`] : ids).join(' ') ||
    nothing;

  /** A field with its label, control (and hints) and, while its value breaks the rule, the rule. */
  private field(name: Field, label: string, control: unknown, max: string) {
    const rules = windowStrings(this.host).create.rules;
    const rule =
      name === 'maxUses' && this.belowUses && this.editing
        ? rules.maxUsesBelowUses(new Intl.NumberFormat(this.host.localize.language).format(this.editing.uses))
        : name === 'name'
          ? this.nameEmpty
            ? rules.nameEmpty
            : this.host.localize.t.common.nameRule(max)
          : rules[name](max);
    return html`<div class="field">
      <label for=${name}>${label}${name === 'name' ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${control}
      ${this.invalid[name] ? html`<span id="${name}-error" part="error" class="error field-error">${rule}</span>` : nothing}
    </div>`;
  }
}
