// The wording of the manager's window content (switches, links table, waiting room) and, after it, of the
// knock alert's buttons: English comes with the content's chunk, each other language is a chunk of its
// own, fetched with that chunk (see window-view.ts) or when the content first renders in it; the element
// renders again once it has arrived.
import type { ReactiveControllerHost } from 'lit';
import { type Catalog, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import { content } from '../locales/en.content.ts';

const translations: Catalog<'content'> = {
  en: { dir, common, content },
  es: async () => (await import('../locales/es.content.ts')).es,
  he: async () => (await import('../locales/he.content.ts')).he,
};

export interface ContentHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  /** Says why something the host asked for could not load (the element's usual refusal). */
  refuse?(error: unknown): void;
}

const byHost = new WeakMap<ContentHost, LocalizeController<'content'>>();

function controllerOf(host: ContentHost): LocalizeController<'content'> {
  let localize = byHost.get(host);
  if (!localize) {
    localize = new LocalizeController(host, translations, (error) => host.refuse?.(error));
    byHost.set(host, localize);
  }
  return localize;
}

/** The content's strings in the element's language (English until that language's chunk has loaded). */
export function contentStrings(host: ContentHost): LocalizeController<'content'> {
  const localize = controllerOf(host);
  // The element's own controller follows its `lang` attribute: this one follows it.
  if (localize.language !== host.localize.language) localize.update();
  return localize;
}

/**
 * Settles once the content's strings are in the element's language, loading them (again, after a failure)
 * if need be; rejects when they cannot load, so the content does not show in the wrong language.
 */
export function contentStringsReady(host: ContentHost): Promise<void> {
  const localize = controllerOf(host);
  if (localize.failed || localize.language !== host.localize.language) localize.update();
  return localize.ready;
}
