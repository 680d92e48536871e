// The "Create new link" window: Link Name (required), # of clicks, Duration in days. The API is the
// one judge of the values; the fields it names in a refusal get their rule shown beside them.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ApiRequestError, Link } from '../internal/api-client.ts';
import type { LocalizeController } from '../internal/localize.ts';
import { closeIcon } from './icons.ts';
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
  createLink(input: LinkInput): Promise<Link>;
  /** Where focus goes when the opener can no longer take it (the button disables at the limit). */
  focusFallback(): HTMLElement | null;
}

/** An empty number field means "no limit"; anything else goes to the API as typed. */
function optionalNumber(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : Number(text);
}

export class CreateLinkDialog implements ReactiveController {
  readonly dialog: ModalDialog;
  private sending = false;
  private invalid: Partial<Record<Field, true>> = {};
  private refusal?: ApiRequestError;

  constructor(private readonly host: CreateLinkHost) {
    host.addController(this);
    this.dialog = new ModalDialog(host, '[part~="create-dialog"]');
  }

  hostDisconnected() {
    this.dialog.close();
  }

  open() {
    this.dialog.open();
  }

  private form() {
    return this.dialog.element?.querySelector('form');
  }

  private onClose = () => {
    this.form()?.reset();
    this.invalid = {};
    this.refusal = undefined;
    this.host.requestUpdate();
    this.dialog.restoreFocus(() => this.host.focusFallback());
  };

  private onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending) return;
    const values = new FormData(event.target as HTMLFormElement);
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
      await this.host.createLink(input);
      this.dialog.close();
    } catch (error) {
      const refusal = asApiError(error);
      if (refusal.code === 'validation_failed' && Object.keys(refusal.fields).length) {
        for (const field of Object.keys(refusal.fields)) {
          if (field === 'name' || field === 'maxUses' || field === 'durationDays') this.invalid[field] = true;
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
    const t = this.host.localize.t;
    const c = t.manager.create;
    return html`<dialog
      part="dialog create-dialog"
      class="window"
      aria-labelledby="create-title"
      @close=${this.onClose}
    >
      <form part="form" novalidate @submit=${this.onSubmit}>
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
            maxlength="80"
            required
            autofocus
            aria-required="true"
            aria-invalid=${this.invalid.name ? 'true' : 'false'}
            aria-describedby=${this.invalid.name ? 'name-error' : nothing}
          />`,
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
            max="1000000"
            step="1"
            aria-invalid=${this.invalid.maxUses ? 'true' : 'false'}
            aria-describedby=${this.invalid.maxUses ? 'maxUses-hint maxUses-error' : 'maxUses-hint'}
          />`,
          c.clicksHint,
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
              max="365"
              step="1"
              aria-invalid=${this.invalid.durationDays ? 'true' : 'false'}
              aria-describedby=${this.invalid.durationDays ? 'durationDays-suffix durationDays-error' : 'durationDays-suffix'}
            />
            <span id="durationDays-suffix" class="suffix">${c.days}</span>
          </span>`,
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
          <button type="submit" class="button primary" part="submit-button" ?disabled=${this.sending}>
            ${c.submit}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private field(name: Field, label: string, control: unknown, hint?: string) {
    const rule = this.host.localize.t.manager.create.rules[name];
    return html`<div class="field">
      <label for=${name}>${label}${name === 'name' ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${control}
      ${hint ? html`<span id="${name}-hint" class="hint">${hint}</span>` : nothing}
      ${this.invalid[name] ? html`<span id="${name}-error" part="error" class="error field-error">${rule}</span>` : nothing}
    </div>`;
  }
}
