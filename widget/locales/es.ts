// All of Spanish, for the server's entry page; the elements load only es.manager.ts or es.entry.ts.
import type { Translation } from './en.ts';
import { common, dir } from './es.common.ts';
import { entry } from './es.entry.ts';
import { manager } from './es.manager.ts';

export const es: Translation = { dir, common, manager, entry };
