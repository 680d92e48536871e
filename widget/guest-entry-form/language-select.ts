// The "EN ▾" language selector of the article's access-removed page: a native <select> (keyboard and
// screen-reader behaviour for free) laid transparently over the short visible code.
import { html } from 'lit';
import { type Language, supportedLanguages } from '../internal/localize.ts';

/** Each language named in itself ("English", "Español", "עברית"), so a reader finds their own. */
function endonym(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

export function languageSelect(current: Language, label: string, onChange: (language: Language) => void) {
  return html`<label class="language" part="language">
    <span aria-hidden="true">${current.toUpperCase()} ▾</span>
    <select
      aria-label=${label}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value as Language)}
    >
      ${supportedLanguages.map(
        (language) =>
          html`<option value=${language} lang=${language} ?selected=${language === current}>
            ${endonym(language)}
          </option>`,
      )}
    </select>
  </label>`;
}
