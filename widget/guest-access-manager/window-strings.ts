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
}

const byHost = new WeakMap<WindowsHost, LocalizeController<'windows'>>();

/** The windows' strings in the element's language (English until that language's chunk has loaded). */
export function windowStrings(host: WindowsHost): WindowsTranslation['windows'] {
  let localize = byHost.get(host);
  if (!localize) {
    localize = new LocalizeController(host, translations);
    byHost.set(host, localize);
  }
  // The element's own controller follows its `lang` attribute: this one follows it.
  if (localize.language !== host.localize.language) localize.update();
  return localize.t.windows;
}
