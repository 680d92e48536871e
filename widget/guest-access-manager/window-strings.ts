// The wording of the manager's windows and knock alert: English comes with the windows' chunk, each other
// language is a chunk of its own, fetched with the windows (see windows.ts) or when a window first renders
// in it; the element renders again once it has arrived.
import type { ReactiveControllerHost } from 'lit';
import { type Catalog, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import type { WindowsTranslation } from '../locales/en.ts';
import { windows } from '../locales/en.windows.ts';

const translations: Catalog<'windows'> = {
  en: { dir, common, windows },
  es: async () => (await import('../locales/es.windows.ts')).es,
  he: async () => (await import('../locales/he.windows.ts')).he,
};

export interface WindowsHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  /** Says why something the host asked for could not load (the element's usual refusal). */
  refuse?(error: unknown): void;
}

const byHost = new WeakMap<WindowsHost, LocalizeController<'windows'>>();

function controllerOf(host: WindowsHost): LocalizeController<'windows'> {
  let localize = byHost.get(host);
  if (!localize) {
    localize = new LocalizeController(host, translations, (error) => host.refuse?.(error));
    byHost.set(host, localize);
  }
  return localize;
}

/** The windows' strings in the element's language (English until that language's chunk has loaded). */
export function windowStrings(host: WindowsHost): WindowsTranslation['windows'] {
  const localize = controllerOf(host);
  // The element's own controller follows its `lang` attribute: this one follows it.
  if (localize.language !== host.localize.language) localize.update();
  return localize.t.windows;
}

/**
 * Settles once the windows' strings are in the element's language, loading them (again, after a failure)
 * if need be; rejects when they cannot load, so a window does not open in the wrong language.
 */
export function windowStringsReady(host: WindowsHost): Promise<void> {
  const localize = controllerOf(host);
  if (localize.failed || localize.language !== host.localize.language) localize.update();
  return localize.ready;
}
