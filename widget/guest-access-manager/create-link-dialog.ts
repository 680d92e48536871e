// The "Create new link" window: Link Name (required), # of clicks, Duration in days. Each field is
// checked as it is typed and left, by the API's own rules (api/limits.ts); the fields the API still
// names in a refusal get their rule shown beside them too.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  expiresAtFor,
  isValidLimit,
  isValidName,
  MAX_LINK_DAYS,
  MAX_LINK_USES,
  NAME_MAX_LENGTH,
} from '../../api/limits.ts';
import type { ApiRequestError, Link } from '../internal/api-client.ts';
import type { LocalizeController } from '../internal/localize.ts';
import { busyButton, closeIcon } from './icons.ts';
import { ModalDialog } from './modal-dialog.ts';
import { asApiError, describeRefusal } from './refusal.ts';

export interface LinkInput {
  name: string;
  maxUses?: number;
  durationDays?: number;
}

type Field = keyof LinkInput;

export interface CreateLinkHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<boolean>;
  createLink(input: LinkInput): Promise<Link>;
  /** Where focus goes when the opener can no longer take it (the button disables at the limit). */
  focusFallback(): HTMLElement | null;
}

/** An empty number field means "no limit"; anything else goes to the API as typed. */
function optionalNumber(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : Number(text);
}

/** Rule 2, field by field. A number field holding text the browser cannot read (`badInput`) is invalid. */
function isValid(input: HTMLInputElement): boolean {
  if (input.validity.badInput) return false;
  if (input.name === 'name') return isValidName(input.value);
  return isValidLimit(input.value, input.name === 'maxUses' ? MAX_LINK_USES : MAX_LINK_DAYS);
}

const isField = (name: string): name is Field =>
  name === 'name' || name === 'maxUses' || name === 'durationDays';

export class CreateLinkDialog implements ReactiveController {
  readonly dialog: ModalDialog;
  private sending = false;
  private invalid: Partial<Record<Field, true>> = {};
  /** Fields left once: from then on they are checked as they are typed. */
  private touched: Partial<Record<Field, true>> = {};
  private refusal?: ApiRequestError;
  /** The Duration as typed, for the expiry date shown under it. */
  private durationDays = '';
  /** The link this window created: its row's Copy button takes the focus when the window closes. */
  private created?: Link;

  constructor(private readonly host: CreateLinkHost) {
    host.addController(this);
    this.dialog = new ModalDialog(host, '[part~="create-dialog"]');
  }

  hostDisconnected() {
    this.dialog.close();
  }

  open() {
    this.created = undefined;
    this.dialog.open();
  }

  private form() {
    return this.dialog.element?.querySelector('form');
  }

  private onClose = async () => {
    this.form()?.reset();
    this.invalid = {};
    this.touched = {};
    this.durationDays = '';
    this.refusal = undefined;
    this.host.requestUpdate();
    const created = this.created;
    if (!created) {
      this.dialog.restoreFocus(() => this.host.focusFallback());
      return;
    }
    // The next step is sharing the new link: its Copy button, not the opener, takes the focus.
    await this.host.updateComplete;
    const row = this.host.renderRoot.querySelector(`[data-link-id="${CSS.escape(created.id)}"]`);
    const copy = row?.querySelector<HTMLElement>('[part~="copy-button"]');
    if (copy) copy.focus();
    else this.dialog.restoreFocus(() => this.host.focusFallback());
  };

  /** Marks `input` valid or not; an error shows once the field was left, and clears as soon as it is valid. */
  private check(input: HTMLInputElement, show: boolean): boolean {
    const name = input.name;
    if (!isField(name)) return true;
    const valid = isValid(input);
    if (valid) delete this.invalid[name];
    else if (show || this.touched[name]) this.invalid[name] = true;
    this.host.requestUpdate();
    return valid;
  }

  private onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'durationDays') this.durationDays = input.value;
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
    const values = new FormData(form);
    const input: LinkInput = {
      name: String(values.get('name') ?? ''),
      maxUses: optionalNumber(values.get('maxUses')),
      durationDays: optionalNumber(values.get('durationDays')),
    };
    this.sending = true;
    this.invalid = {};
    this.refusal = undefined;
    this.host.requestUpdate();
    try {
      this.created = await this.host.createLink(input);
      this.dialog.close();
    } catch (error) {
      const refusal = asApiError(error);
      if (refusal.code === 'validation_failed' && Object.keys(refusal.fields).length) {
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
    const c = t.manager.create;
    const number = new Intl.NumberFormat(localize.language);
    const expiresAt =
      this.durationDays !== '' && isValidLimit(this.durationDays, MAX_LINK_DAYS)
        ? expiresAtFor(Date.now(), Number(this.durationDays))
        : null;
    // While a field breaks its rule, the rule replaces its hint.
    const describedBy = (name: Field, ...ids: string[]) =>
      (this.invalid[name] ? [...ids.filter((id) => !id.endsWith('-hint')), `${name}-error`] : ids).join(
        ' ',
      ) || nothing;
    return html`<dialog
      part="dialog create-dialog"
      class="window"
      aria-labelledby="create-title"
      @close=${this.onClose}
    >
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @focusout=${this.onBlur}>
        <div class="window-head">
          <h3 id="create-title">${c.title}</h3>
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
        <p class="muted">${c.intro}</p>
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
            autofocus
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
        ${this.field(
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
                        localize.dateTime(new Date(expiresAt).toISOString(), {
                          dateStyle: 'full',
                          timeStyle: 'short',
                        }),
                      )}</span
                    >`
              }</span
            >`,
          number.format(MAX_LINK_DAYS),
        )}
        ${
          this.refusal
            ? html`<p part="error" class="error" role="alert">${describeRefusal(this.refusal, t)}</p>`
            : nothing
        }
        <div class="window-foot">
          <button type="button" class="button" part="cancel-button" @click=${() => this.dialog.close()}>
            ${c.cancel}
          </button>
          ${busyButton(c.submit, this.sending, { type: 'submit', kind: 'primary' })}
        </div>
      </form>
    </dialog>`;
  }

  /** A field with its label, control (and hints) and, while its value breaks the rule, the rule. */
  private field(name: Field, label: string, control: unknown, max: string) {
    const rule = this.host.localize.t.manager.create.rules[name](max);
    return html`<div class="field">
      <label for=${name}>${label}${name === 'name' ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${control}
      ${this.invalid[name] ? html`<span id="${name}-error" part="error" class="error field-error">${rule}</span>` : nothing}
    </div>`;
  }
}
