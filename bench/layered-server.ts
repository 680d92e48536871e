// The bare JSON route (the baseline's answer) behind the first BASELINE_LAYERS of the middleware every request
// of the product passes (api/app.ts `everyRequest`, over the product's store on BASELINE_DB), so the floor
// figure can say what each layer adds. LOG_LEVEL as the product's: at info the first layer logs a line per
// request. Prints "listening on URL" like the CLI.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { everyRequest } from '../api/app.ts';
import { type AppEnv, createDeps } from '../api/context.ts';
import { createLogger, LOG_LEVELS, type LogLevel } from '../api/logging.ts';
import { openStore } from '../api/server.ts';
import { BARE_ANSWER } from './lib/bare-answer.ts';

const level = process.env.LOG_LEVEL ?? 'info';
if (!LOG_LEVELS.includes(level as LogLevel)) throw new Error(`LOG_LEVEL ${level} is not a level`);
const store = await openStore(process.env.BASELINE_DB ?? ':memory:');
const deps = createDeps({
  store,
  config: { serverSecret: Buffer.alloc(32, 1), rateLimitPerMinute: 0 },
  logger: createLogger(level as LogLevel),
});
const app = new Hono<AppEnv>();
for (const middleware of everyRequest(deps).slice(0, Number(process.env.BASELINE_LAYERS ?? 0)))
  app.use(middleware);
app.get('/json', (c) => c.json(BARE_ANSWER, 200));

const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  (info) => console.log(`layered baseline listening on http://127.0.0.1:${info.port}`),
);

process.once('SIGTERM', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
