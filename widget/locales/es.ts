// All of Spanish, for the server's entry page; the elements load only es.manager.ts (and es.content.ts, es.failures.ts, es.windows.ts) or es.entry.ts (and es.status.ts).
import type { Translation } from './en.ts';
import { common, dir } from './es.common.ts';
import { content } from './es.content.ts';
import { entry } from './es.entry.ts';
import { failures } from './es.failures.ts';
import { manager } from './es.manager.ts';
import { status } from './es.status.ts';
import { windows } from './es.windows.ts';

export const es: Translation = { dir, common, manager, content, failures, windows, entry, status };
