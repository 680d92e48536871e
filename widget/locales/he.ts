// All of Hebrew, for the server's entry page; the elements load only he.manager.ts (and he.content.ts, he.failures.ts, he.windows.ts) or he.entry.ts (and he.status.ts).
import type { Translation } from './en.ts';
import { common, dir } from './he.common.ts';
import { content } from './he.content.ts';
import { entry } from './he.entry.ts';
import { failures } from './he.failures.ts';
import { manager } from './he.manager.ts';
import { status } from './he.status.ts';
import { windows } from './he.windows.ts';

export const he: Translation = { dir, common, manager, content, failures, windows, entry, status };
