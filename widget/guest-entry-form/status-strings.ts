// The wording of the views after the form: English comes with those views' chunk, each other language is a
// chunk of its own, fetched with the views (see the element's statusView) or when a view first renders in
// it; the element renders again once it has arrived.
import type { ReactiveControllerHost } from 'lit';
import { type Catalog, type Language, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import { status } from '../locales/en.status.ts';
import type { StatusTranslation } from '../locales/en.ts';

const translations: Catalog<'status'> = {
  en: { dir, common, status },
  es: async () => (await import('../locales/es.status.ts')).es,
  he: async () => (await import('../locales/he.status.ts')).he,
};

export interface StatusHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: { readonly language: Language };
}

const byHost = new WeakMap<StatusHost, LocalizeController<'status'>>();

function controllerOf(host: StatusHost): LocalizeController<'status'> {
  let localize = byHost.get(host);
  if (!localize) {
    localize = new LocalizeController(host, translations);
    byHost.set(host, localize);
  }
  return localize;
}

/** The views' strings in the element's language (English until that language's chunk has loaded). */
export function statusStrings(host: StatusHost): StatusTranslation {
  const localize = controllerOf(host);
  // The element's own controller follows its `lang` attribute: this one follows it.
  if (localize.language !== host.localize.language) localize.update();
  return localize.t;
}

/**
 * Settles once the views' strings are in the element's language, loading them (again, after a failure)
 * if need be; rejects when they cannot load, so a view does not show in the wrong language.
 */
export function statusStringsReady(host: StatusHost): Promise<void> {
  const localize = controllerOf(host);
  if (localize.failed || localize.language !== host.localize.language) localize.update();
  return localize.ready;
}
