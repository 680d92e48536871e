// The wording of the views after the form: English with them, other languages on demand (see EntryView's statusView).
import { type SectionHost, sectionStrings } from '../internal/section-strings.ts';
import { common, dir } from '../locales/en.common.ts';
import { status } from '../locales/en.status.ts';
import type { StatusTranslation } from '../locales/en.ts';

const strings = sectionStrings<'status'>({
  en: { dir, common, status },
  es: async () => (await import('../locales/es.status.ts')).es,
  he: async () => (await import('../locales/he.status.ts')).he,
});

export const statusStrings = (host: SectionHost): StatusTranslation => strings.of(host).t;
export const statusStringsReady = strings.ready;
