// The command line as tests start it: the server bundle build.mjs writes (test:api and test:api:postgres build
// it first), which starts in a fraction of the time `--import tsx api/cli.ts` took (transpiling on every start
// timed parallel starts out on a loaded machine).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const SCRIPT = resolve('dist/server/cli.js');

if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`node build.mjs\` first`);

/** `node` arguments that run the command line; append the command and its options. */
export const CLI = [SCRIPT];
