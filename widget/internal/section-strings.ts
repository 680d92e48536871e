// A section of an element's wording that comes with a chunk of its own (the manager's window content and
// windows, the entry form's later views): English with that chunk, each other language a chunk of its own.
// One controller per element follows the element's language; the element renders again once it has loaded.
import type { ReactiveControllerHost } from 'lit';
import type { Section } from '../locales/en.ts';
import { type Catalog, type Language, LocalizeController } from './localize.ts';

export interface SectionHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: { readonly language: Language };
  /** Says why a section's strings could not load (the element's usual refusal). */
  refuse?(error: unknown): void;
}

export function sectionStrings<S extends Section>(catalog: Catalog<S>) {
  const byHost = new WeakMap<SectionHost, LocalizeController<S>>();
  const controllerOf = (host: SectionHost) => {
    let localize = byHost.get(host);
    if (!localize) {
      localize = new LocalizeController(host, catalog, (error) => host.refuse?.(error));
      byHost.set(host, localize);
    }
    return localize;
  };
  return {
    /** The strings in the element's language (English until that language's chunk has loaded). */
    of(host: SectionHost): LocalizeController<S> {
      const localize = controllerOf(host);
      // The element's own controller follows its `lang` attribute: this one follows it.
      if (localize.language !== host.localize.language) localize.update();
      return localize;
    },
    /**
     * Settles once the strings are in the element's language, loading them (again, after a failure) if need
     * be; rejects when they cannot load, so nothing shows in the wrong language.
     */
    ready(host: SectionHost): Promise<void> {
      const localize = controllerOf(host);
      if (localize.failed || localize.language !== host.localize.language) localize.update();
      return localize.ready;
    },
  };
}
