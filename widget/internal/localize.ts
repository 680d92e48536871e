// Picks the element's language (its `lang` attribute, else the nearest ancestor's, else the page's),
// loads that translation on demand (English is built in; the others are separate chunks) and tells
// the element to render again once it has arrived.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Translation } from '../locales/en.ts';

export const supportedLanguages = ['en', 'es', 'he'] as const;
export type Language = (typeof supportedLanguages)[number];

const loaders: Record<Language, () => Promise<Translation>> = {
  en: async () => en,
  es: async () => (await import('../locales/es.ts')).es,
  he: async () => (await import('../locales/he.ts')).he,
};
const loaded = new Map<Language, Translation>([['en', en]]);

/** The supported language for a BCP 47 tag ("es-MX" → "es"), English when unsupported. */
export function toLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0] as Language;
  return supportedLanguages.includes(base) ? base : 'en';
}

export class LocalizeController implements ReactiveController {
  /** The translation in use; English until the wanted one has loaded. */
  t: Translation = en;
  language: Language = 'en';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected() {
    this.update();
  }

  /** Call when the `lang` attribute may have changed (e.g. from `willUpdate`). */
  update() {
    // The `lang` property first: an element that declares it as a Lit property reflects it only later.
    const wanted = toLanguage(
      this.host.lang || (this.host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang),
    );
    this.language = wanted;
    const ready = loaded.get(wanted);
    if (ready) {
      this.t = ready;
      return;
    }
    loaders[wanted]().then((translation) => {
      loaded.set(wanted, translation);
      if (this.language === wanted) {
        this.t = translation;
        this.host.requestUpdate();
      }
    });
  }

  get dir(): 'ltr' | 'rtl' {
    return this.t.dir;
  }

  /** A date and time in the viewer's time zone, in the element's language. */
  dateTime(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    return new Intl.DateTimeFormat(this.language, options).format(new Date(iso));
  }
}
