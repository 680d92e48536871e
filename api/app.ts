// createApp({ db, clock, config }) builds the whole HTTP API as a Hono app; server.ts listens with it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { openAPIRouteHandler } from 'hono-openapi';
import type { HostIdentity } from './auth.ts';
import { tenantCors } from './cors.ts';
import { ApiError } from './errors.ts';
import { createEventHub, type EventHub } from './events.ts';
import { NO_TRUSTED_PROXY, type TrustedProxies } from './proxy-trust.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import { createAdminRoutes } from './routes/admin.ts';
import { createGuestRoutes } from './routes/guest.ts';
import { createLinkRoutes } from './routes/links.ts';
import { createPageRoutes } from './routes/pages.ts';
import { createRoomRoutes } from './routes/rooms.ts';
import type { ServerSecret } from './secrets.ts';
import { fixedHeaders, SECURITY_HEADERS } from './secure-headers.ts';
import type { Db } from './store/db.ts';
import type { Guest } from './store/guests.ts';
import { createStore, type Store } from './store/index.ts';
import type { Tenant } from './store/tenants.ts';
import { createStreamSlots, processStreamCap, type StreamCaps, type StreamSlots } from './stream-limits.ts';

export interface Clock {
  /** Milliseconds since the epoch. Injected so expiry is tested without sleeping. */
  now(): number;
}

export interface AppConfig extends StreamCaps {
  /** Kept outside the database: link and session tokens derive from it, signing secrets are sealed with it. */
  serverSecret: ServerSecret;
  /** Origin for link URLs; when unset, the origin of the request that asks for them. */
  publicOrigin?: string;
  /** Requests per minute per client address on the public link routes; 0 turns limiting off. */
  rateLimitPerMinute: number;
  /** Interval of the SSE heartbeat. */
  heartbeatMs: number;
  /** Host tokens whose `exp` lies further ahead are refused. */
  maxHostTokenTtlSeconds: number;
  /** Proxies whose X-Forwarded-For names the client (GUEST_ACCESS_TRUST_PROXY); by default none. */
  trustProxy: TrustedProxies;
  /** Sent as `Guest-Access-Instance` on every answer when set (opt-in: tells which instance a balancer chose). */
  instanceName?: string;
}

/**
 * What every route module receives (also `createPageRoutes` and the demo's `createDemoRoutes`):
 * the database handle, the store over it, the clock, the configuration, the event hub and the rate limiter.
 */
export interface AppDeps {
  db: Db;
  store: Store;
  clock: Clock;
  config: AppConfig;
  events: EventHub;
  rateLimiter: RateLimiter;
  /** The counters behind the stream caps. */
  streamSlots: StreamSlots;
}

/** Per-request values set by the auth middleware; `tenant` also decides CORS. */
export type AppEnv = { Variables: { tenant?: Tenant; host: HostIdentity; guest: Guest } };

export const DEFAULT_CONFIG = {
  rateLimitPerMinute: 120,
  heartbeatMs: 15_000,
  maxHostTokenTtlSeconds: 24 * 60 * 60,
  maxStreamsPerGuestSession: 3,
  maxStreamsPerHost: 10,
  maxStreamsPerAddress: 50,
  trustProxy: NO_TRUSTED_PROXY,
} satisfies Partial<AppConfig>;

export const MAX_BODY_BYTES = 16 * 1024;

export interface CreateAppOptions {
  db: Db;
  clock?: Clock;
  config: Partial<AppConfig> & Pick<AppConfig, 'serverSecret'>;
  events?: EventHub;
  /** More routes mounted at `/` (the demo site, when `serve --demo`). */
  extraRoutes?: (deps: AppDeps) => Hono;
}

export function createDeps(options: CreateAppOptions): AppDeps {
  const clock = options.clock ?? { now: () => Date.now() };
  return {
    db: options.db,
    store: createStore(options.db),
    clock,
    // The total stream cap follows the process's open-files limit unless configured.
    config: {
      ...DEFAULT_CONFIG,
      ...options.config,
      maxStreams: options.config.maxStreams ?? processStreamCap(),
    },
    events: options.events ?? createEventHub(),
    rateLimiter: createRateLimiter(clock),
    streamSlots: createStreamSlots(),
  };
}

export function createApp(options: CreateAppOptions | AppDeps) {
  const deps = 'store' in options ? options : createDeps(options);
  const app = new Hono<AppEnv>();
  const { instanceName } = deps.config;
  app.use(
    fixedHeaders(
      instanceName ? [...SECURITY_HEADERS, ['guest-access-instance', instanceName]] : SECURITY_HEADERS,
    ),
  );
  app.use(tenantCors(deps.store));
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError('payload_too_large', 413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    },
  });
  // GET and HEAD carry no body; skipping them spares @hono/node-server building a full Request per call
  // (bodyLimit reads `c.req.raw.body`), which cost the link page and host list a third of their throughput.
  app.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const routes = app
    .route('/v1/admin', createAdminRoutes(deps))
    .route('/v1/rooms', createRoomRoutes(deps))
    .route('/v1/links', createLinkRoutes(deps))
    .route('/v1/guest', createGuestRoutes(deps))
    .get('/healthz', (c) => c.json({ ok: true as const }));

  app.get(
    '/v1/openapi.json',
    openAPIRouteHandler(app, {
      documentation: {
        info: {
          title: 'guest-access',
          version: '1',
          description:
            'Guest links and a waiting room for live media sessions. Any request whose headers pass the ' +
            'server’s limit (16 KB) is answered 431 `header_too_large`, one too slow to arrive 408 ' +
            '`request_timeout`. Answers carrying a session token, a link URL or a guest’s email are sent ' +
            'with `Cache-Control: no-store`.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        },
      },
    }),
  );
  app.route('/', createPageRoutes(deps));
  if (options && 'extraRoutes' in options && options.extraRoutes) app.route('/', options.extraRoutes(deps));

  app.notFound(() => new ApiError('not_found', 404, 'No such route.').response());
  app.onError((error) => {
    if (error instanceof ApiError) return error.response();
    if (error instanceof HTTPException) {
      // Hono's own refusals, e.g. malformed JSON.
      const status = error.status >= 400 && error.status < 500 ? error.status : 400;
      return new ApiError(
        'validation_failed',
        status,
        error.message || 'The request is not valid.',
      ).response();
    }
    // The client broke its request body off (Node's parser has already answered it): not a bug.
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') {
      return new ApiError('validation_failed', 400, 'The request body was cut off.').response();
    }
    // A bug, not an input problem: logged, answered without a stack trace.
    console.error(error);
    return new ApiError('internal_error', 500, 'Something went wrong on our side.').response();
  });
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
