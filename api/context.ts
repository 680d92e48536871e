// What every route module receives (AppDeps) and what the middleware sets per request (AppEnv): their own
// module, so app.ts and routes/* never import each other.
import type { HttpBindings } from '@hono/node-server';
import { type HostIdentity, MAX_HOST_TOKEN_TTL_SECONDS } from './auth.ts';
import { createInProcessBus } from './bus/in-process.ts';
import { createEventHub, type EventHub } from './events.ts';
import { type Logger, silentLogger } from './logging.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createPresence, type Presence } from './presence.ts';
import { NO_TRUSTED_PROXY, type TrustedProxies } from './proxy-trust.ts';
import { createRateLimiter, type RateLimiter, sharedWindows } from './rate-limit.ts';
import type { LinkContext } from './redemption.ts';
import { DEFAULT_RETENTION_DAYS } from './retention.ts';
import type { ServerSecret } from './secrets.ts';
import type { Store } from './store/contract.ts';
import type { Guest, Tenant } from './store/types.ts';
import {
  createSharedStreamSlots,
  createStreamSlots,
  processStreamCap,
  type StreamCaps,
  type StreamSlots,
} from './stream-limits.ts';
import {
  createWebhookWorker,
  DEFAULT_WEBHOOK_CONFIG,
  type WebhookConfig,
  type WebhookWorker,
} from './webhooks/deliver.ts';

export interface Clock {
  /** Milliseconds since the epoch. Injected so expiry is tested without sleeping. */
  now(): number;
}

export interface AppConfig extends StreamCaps {
  /** Kept outside the database: link and session tokens derive from it, signing secrets are sealed with it. */
  serverSecret: ServerSecret;
  /** Origin for link URLs; when unset, the origin of the host's own request. */
  publicOrigin?: string;
  /** Requests per minute per client address on the public link routes; 0 turns limiting off. */
  rateLimitPerMinute: number;
  /** Interval of the SSE heartbeat; well under the 40 s after which the widget drops a silent stream (SILENT_MS). */
  heartbeatMs: number;
  /** Host tokens whose `exp` lies further ahead are refused. */
  maxHostTokenTtlSeconds: number;
  /** Proxies whose X-Forwarded-For names the client (GUEST_ACCESS_TRUST_PROXY); by default none. */
  trustProxy: TrustedProxies;
  /** A waiting guest offline this long becomes left (GUEST_ACCESS_LOBBY_GRACE_S); fractions for tests. */
  lobbyGraceSeconds: number;
  /** Sent as `Guest-Access-Instance` on every answer when set (opt-in: tells which instance a balancer chose). */
  instanceName?: string;
  /** The bearer token of GET /metrics (GUEST_ACCESS_METRICS_TOKEN); unset, there is no /metrics. */
  metricsToken?: string;
  /** Guests' names and emails are erased this many days after they arrived (GUEST_ACCESS_RETENTION_DAYS). */
  retentionDays: number;
  /** Webhook delivery: retries, polling, and whether private targets are allowed (tests). */
  webhooks: WebhookConfig;
}

/**
 * What every route module receives (also `createPageRoutes` and the demo's `createDemoRoutes`): the store,
 * the clock, the configuration, the event hub, the rate limiter and the stream counters.
 */
export interface AppDeps {
  store: Store;
  clock: Clock;
  config: AppConfig;
  events: EventHub;
  rateLimiter: RateLimiter;
  /** The counters behind the stream caps. */
  streamSlots: StreamSlots;
  logger: Logger;
  /** Present when `config.metricsToken` is set. */
  metrics?: Metrics;
  /** Who is connected: guests' and admitting hosts' open streams. */
  presence: Presence;
  /** Sends the webhook outbox; the server starts it and closes it before the store. */
  webhooks: WebhookWorker;
}

/** Per-request values set by the auth middleware; `tenant` also decides CORS. */
export type AppEnv = {
  /** Node's request and response when served by @hono/node-server; absent under `app.request()` (tests). */
  Bindings: Partial<HttpBindings>;
  Variables: { tenant?: Tenant; host: HostIdentity; guest: Guest; guestContext: LinkContext };
};

export const DEFAULT_CONFIG = {
  rateLimitPerMinute: 120,
  heartbeatMs: 15_000,
  maxHostTokenTtlSeconds: MAX_HOST_TOKEN_TTL_SECONDS,
  lobbyGraceSeconds: 60,
  retentionDays: DEFAULT_RETENTION_DAYS,
  maxStreamsPerGuestSession: 3,
  maxStreamsPerHost: 10,
  maxStreamsPerAddress: 50,
  trustProxy: NO_TRUSTED_PROXY,
  webhooks: DEFAULT_WEBHOOK_CONFIG,
} satisfies Partial<AppConfig>;

export interface DepsOptions {
  store: Store;
  clock?: Clock;
  config: Partial<AppConfig> & Pick<AppConfig, 'serverSecret'>;
  /** Default: in-process, for one process. */
  events?: EventHub;
  /** Default: silent (tests, embedding); the server passes one at LOG_LEVEL. */
  logger?: Logger;
}

export function createDeps(options: DepsOptions): AppDeps {
  const clock = options.clock ?? { now: () => Date.now() };
  // The total stream cap follows the process's open-files limit unless configured.
  const config = {
    ...DEFAULT_CONFIG,
    ...options.config,
    maxStreams: options.config.maxStreams ?? processStreamCap(),
  };
  const events = options.events ?? createEventHub(createInProcessBus());
  const logger = options.logger ?? silentLogger();
  return {
    store: options.store,
    clock,
    config,
    events,
    logger,
    metrics: config.metricsToken ? createMetrics(options.store, events) : undefined,
    presence: createPresence({
      store: options.store,
      clock,
      events,
      lobbyGraceMs: config.lobbyGraceSeconds * 1000,
      logger,
    }),
    webhooks: createWebhookWorker({
      store: options.store,
      clock,
      serverSecret: config.serverSecret,
      config: config.webhooks,
      logger,
    }),
    // Where the store has counters every instance sees, the limits count there; otherwise in this process.
    rateLimiter: createRateLimiter(clock, options.store.counters && sharedWindows(options.store.counters)),
    streamSlots: options.store.counters
      ? createSharedStreamSlots(options.store.counters, clock)
      : createStreamSlots(),
  };
}
