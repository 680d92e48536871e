// Picks the element's language (its `lang` attribute, else the nearest ancestor's, else the page's),
// loads that translation on demand (English is built in; the others are separate chunks, one per
// language and element) and tells the element to render again once it has arrived. Like Shoelace, one
// observer of <html lang dir> serves every connected element: a page that switches its language later
// switches the elements that follow it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ElementTranslation, Section } from '../locales/en.ts';

export const supportedLanguages = ['en', 'es', 'he'] as const;
export type Language = (typeof supportedLanguages)[number];

/**
 * One element's translations by language: English as is, the others as a loader (a dynamic import, so a
 * chunk of its own) that the controller replaces with the translation once loaded.
 */
export type Catalog<S extends Section> = { en: ElementTranslation<S> } & Record<
  Exclude<Language, 'en'>,
  ElementTranslation<S> | (() => Promise<ElementTranslation<S>>)
>;

/** The supported language for a BCP 47 tag ("es-MX" → "es"), English when unsupported. */
export function toLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0] as Language;
  return supportedLanguages.includes(base) ? base : 'en';
}

/** The connected controllers, told when <html lang> changes; the observer runs only while there are some. */
const following = new Set<{ update(): void }>();
let pageObserver: MutationObserver | undefined;

function follow(controller: { update(): void }) {
  following.add(controller);
  if (pageObserver || typeof MutationObserver === 'undefined') return;
  pageObserver = new MutationObserver(() => {
    for (const each of following) each.update();
  });
  pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

function unfollow(controller: { update(): void }) {
  following.delete(controller);
  if (following.size === 0) {
    pageObserver?.disconnect();
    pageObserver = undefined;
  }
}

const RELATIVE_UNITS: [seconds: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
];

export class LocalizeController<S extends Section> implements ReactiveController {
  /** The translation in use; English until the wanted one has loaded. */
  t: ElementTranslation<S>;
  language: Language = 'en';
  /** The wanted language's chunk did not come (offline, or gone after a deploy); the next `update()` tries again. */
  failed = false;
  /** Settles once the wanted language is in use; rejects when its chunk failed (already handled: await it freely). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly catalog: Catalog<S>,
    /** Told when a language's chunk failed, to show why (the strings stay those in use until then). */
    private readonly onError?: (error: unknown) => void,
  ) {
    this.t = catalog.en;
    host.addController(this);
  }

  hostConnected() {
    follow(this);
    this.update();
  }

  hostDisconnected() {
    unfollow(this);
  }

  /** Call when the `lang` attribute may have changed (e.g. from `willUpdate`); the page's is observed. */
  update() {
    // The `lang` property first: an element that declares it as a Lit property reflects it only later.
    const wanted = toLanguage(
      this.host.lang || (this.host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang),
    );
    const changed = wanted !== this.language;
    this.language = wanted;
    const ready = this.catalog[wanted];
    this.failed = false;
    if (typeof ready !== 'function') {
      this.t = ready;
      this.ready = Promise.resolve();
      if (changed) this.host.requestUpdate();
      return;
    }
    this.ready = ready().then((translation) => {
      this.catalog[wanted as Exclude<Language, 'en'>] = translation;
      if (this.language === wanted) {
        this.t = translation;
        this.host.requestUpdate();
      }
    });
    // Handled here, so a failed chunk is never an unhandled rejection; the loader stays for the next try.
    this.ready.catch((error) => {
      if (this.language !== wanted) return;
      this.failed = true;
      this.onError?.(error);
      this.host.requestUpdate();
    });
  }

  get dir(): 'ltr' | 'rtl' {
    return this.t.dir;
  }
}

/**
 * How far `at` is from `now` in the nearest whole unit, in `language`: "in 6 days", "3 hours ago", "now"
 * (seconds below a minute, days from a day on). Not a method of the controller: only the manager needs it.
 */
export function relativeTime(language: Language, at: string | number, now = Date.now()): string {
  const seconds = (new Date(at).getTime() - now) / 1000;
  const [size, unit] = RELATIVE_UNITS.find(([size]) => Math.abs(seconds) >= size) ?? [1, 'second'];
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** A date and time in the viewer's time zone, in `language`. */
export function dateTime(
  language: Language,
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  return new Intl.DateTimeFormat(language, options).format(new Date(iso));
}
