// The wording of the manager's windows and knock alert: it loads with the windows' chunk (see windows.ts).
import { type SectionHost, sectionStrings } from '../internal/section-strings.ts';
import { common, dir } from '../locales/en.common.ts';
import type { WindowsTranslation } from '../locales/en.ts';
import { windows } from '../locales/en.windows.ts';

const strings = sectionStrings<'windows'>({
  en: { dir, common, windows },
  es: async () => (await import('../locales/es.windows.ts')).es,
  he: async () => (await import('../locales/he.windows.ts')).he,
});

export const windowStrings = (host: SectionHost): WindowsTranslation['windows'] => strings.of(host).t.windows;
export const windowStringsReady = strings.ready;
