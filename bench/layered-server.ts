// The bare JSON route (the baseline's answer) behind the first BASELINE_LAYERS of the middleware every request
// of the product passes (api/app.ts `everyRequest`, over the product's store on BASELINE_DB), so the floor
// figure can say what each layer adds. LOG_LEVEL read as the product reads it: at info the first layer logs a
// line per request. Prints "listening on URL" like the CLI.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { everyRequest } from '../api/app.ts';
import { type AppEnv, createDeps } from '../api/context.ts';
import { createLogger } from '../api/logging.ts';
import { environmentSettings, openStore } from '../api/server.ts';
import { BARE_ANSWER } from './lib/bare-answer.ts';

const store = await openStore(process.env.BASELINE_DB ?? ':memory:');
const deps = createDeps({
  store,
  config: { serverSecret: Buffer.alloc(32, 1), rateLimitPerMinute: 0 },
  logger: createLogger(environmentSettings().logLevel),
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
