// The entry form: "Name" and "Email", both required. Errors sit beside their field, tied to it with
// aria-describedby; the element moves focus to the first invalid field so a screen reader reads it out.
import { html, nothing } from 'lit';
import { NAME_MAX_LENGTH } from '../internal/limits.ts';
import type { EntryTranslation } from '../locales/en.ts';

export type Field = 'name' | 'email';
/** Why a field is refused, kept as a reason (not a sentence) so it follows a change of language. */
export type FieldError = 'required' | 'invalid';
export type FieldErrors = Partial<Record<Field, FieldError>>;
/** Why a submit failed as a whole. */
export type SubmitError = 'network' | 'rate_limited' | 'failed';

export interface EntryFormState {
  name: string;
  email: string;
  fieldErrors: FieldErrors;
  submitError: SubmitError | undefined;
  sending: boolean;
  /** Too many attempts: Join waits for the server's Retry-After. */
  paused: boolean;
}

export interface EntryFormActions {
  input(field: Field, value: string): void;
  submit(event: SubmitEvent): void;
}

function errorText(t: EntryTranslation, field: Field, error: FieldError): string {
  if (field === 'name')
    return error === 'required' ? t.entry.nameRequired : t.common.nameRule(String(NAME_MAX_LENGTH));
  return error === 'required' ? t.entry.emailRequired : t.entry.emailInvalid;
}

function submitErrorText(t: EntryTranslation, error: SubmitError): string {
  if (error === 'network') return t.common.networkDown;
  return error === 'rate_limited' ? t.entry.rateLimited : t.entry.failed;
}

export function entryFormView(t: EntryTranslation, state: EntryFormState, actions: EntryFormActions) {
  const field = (name: Field, label: string, type: string, autocomplete: string, hint?: string) => {
    const error = state.fieldErrors[name];
    const describedBy = [error && `${name}-error`, hint && `${name}-hint`].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name} part="label">${label}<span class="required" aria-hidden="true"> *</span></label>
      <input
        id=${name}
        name=${name}
        part="input"
        type=${type}
        dir=${
          // An address reads left to right in any language ("0-ana@…" must not show as "ana@…-0").
          type === 'email' ? 'ltr' : nothing
        }
        autocomplete=${autocomplete}
        required
        maxlength=${name === 'name' ? NAME_MAX_LENGTH : 254}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(event: InputEvent) => actions.input(name, (event.target as HTMLInputElement).value)}
      />
      ${error ? html`<p id=${`${name}-error`} part="error" class="error">${errorText(t, name, error)}</p>` : nothing}
      ${hint ? html`<p id=${`${name}-hint`} class="hint">${hint}</p>` : nothing}
    </div>`;
  };

  return html`<form part="form" novalidate @submit=${actions.submit}>
    <p class="intro">${t.entry.intro}</p>
    ${field('name', t.entry.name, 'text', 'name')}
    ${field('email', t.entry.email, 'email', 'email', t.entry.emailPurpose)}
    ${
      state.submitError
        ? html`<p part="error" class="error" role="alert">${submitErrorText(t, state.submitError)}</p>`
        : nothing
    }
    <button
      part="submit-button"
      class="primary"
      type="submit"
      aria-disabled=${state.sending || state.paused ? 'true' : 'false'}
      aria-busy=${state.sending ? 'true' : 'false'}
    >
      ${state.sending ? html`<span class="spinner" aria-hidden="true"></span>${t.entry.joining}` : t.entry.submit}
    </button>
  </form>`;
}
