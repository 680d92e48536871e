// Why the manager's window or a host's action was refused, in the element's language: it loads with the window's
// body (manager-content.ts waits for it beside the content's wording), and each other language is a chunk of its own.
import { type SectionHost, sectionStrings } from '../internal/section-strings.ts';
import { common, dir } from '../locales/en.common.ts';
import { failures } from '../locales/en.failures.ts';
import type { FailuresTranslation } from '../locales/en.ts';

const strings = sectionStrings<'failures'>({
  en: { dir, common, failures },
  es: async () => (await import('../locales/es.failures.ts')).es,
  he: async () => (await import('../locales/he.failures.ts')).he,
});

export const failureStrings = (host: SectionHost): FailuresTranslation => strings.of(host).t;
export const failureStringsReady = strings.ready;
