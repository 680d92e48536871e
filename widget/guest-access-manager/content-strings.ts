// The wording of the manager's window content (switches, links table, waiting room) and, after it, of the
// knock alert's buttons: it loads with the content's chunk (see window-view.ts).
import type { LocalizeController } from '../internal/localize.ts';
import { type SectionHost, sectionStrings } from '../internal/section-strings.ts';
import { common, dir } from '../locales/en.common.ts';
import { content } from '../locales/en.content.ts';

const strings = sectionStrings<'content'>({
  en: { dir, common, content },
  es: async () => (await import('../locales/es.content.ts')).es,
  he: async () => (await import('../locales/he.content.ts')).he,
});

export const contentStrings = (host: SectionHost): LocalizeController<'content'> => strings.of(host);
export const contentStringsReady = strings.ready;
