// English, the article's own wording, and the types every translation is checked against. Every string
// the elements show comes from here (or its translations). Sections: `common` for both elements,
// `manager` for <guest-access-manager>, `content` for its window's content (loaded with it), `failures` for why the window or an action was refused (loaded with the content), `windows` for its windows and knock alert (loaded with them), `entry` for <guest-entry-form>, `status` for its views after the form (loaded with them), each in a file of its own so an
// element's bundle carries only the strings it shows; each other language has the same files
// (`es.manager.ts` …), and an element loads only its own section (with `common`) of the language in use.
import { common, dir } from './en.common.ts';
import { content } from './en.content.ts';
import { entry } from './en.entry.ts';
import { failures } from './en.failures.ts';
import { manager } from './en.manager.ts';
import { status } from './en.status.ts';
import { windows } from './en.windows.ts';

/** All of English (for pages showing both elements' wording; the elements import the sections). */
export const en = { dir, common, manager, content, failures, windows, entry, status };

export type Translation = typeof en;
export type Section = 'manager' | 'content' | 'failures' | 'windows' | 'entry' | 'status';
/** What one element reads: the text direction, the shared strings and its own section. */
export type ElementTranslation<S extends Section> = Pick<Translation, 'dir' | 'common' | S>;
export type ManagerTranslation = ElementTranslation<'manager'>;
export type ContentTranslation = ElementTranslation<'content'>;
export type FailuresTranslation = ElementTranslation<'failures'>;
export type WindowsTranslation = ElementTranslation<'windows'>;
export type EntryTranslation = ElementTranslation<'entry'>;
export type StatusTranslation = ElementTranslation<'status'>;
