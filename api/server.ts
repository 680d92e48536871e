// The process edge: opens the database file, reads the environment, listens, shuts down gracefully.
// The only module that listens (imports @hono/node-server's request listener) or touches the key file.
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, maxHeaderSize, type RequestListener, type Server, STATUS_CODES } from 'node:http';
import { type AddressInfo, isIPv6, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { Duplex } from 'node:stream';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { Hono } from 'hono';
import { trackAnswersInFlight } from './answers-in-flight.ts';
import { createApp } from './app.ts';
import { createInProcessBus } from './bus/in-process.ts';
import { createPostgresBus } from './bus/postgres.ts';
import { type AppConfig, type AppDeps, type Clock, createDeps } from './context.ts';
import { ApiError, OperatorError } from './errors.ts';
import { createEventHub } from './events.ts';
import { LOG_LEVELS, type Logger, type LogLevel } from './logging.ts';
import { parseTrustedProxies } from './proxy-trust.ts';
import { DEFAULT_RETENTION_DAYS, startRetention } from './retention.ts';
import { normalOrigin } from './schemas.ts';
import {
  newServerSecret,
  opens,
  parseServerSecret,
  type ServerSecret,
  serverSecretCheck,
} from './secrets.ts';
import type { Store } from './store/contract.ts';
import { createPostgresStore } from './store/postgres/index.ts';
import { openDb } from './store/sqlite/db.ts';
import { createSqliteStore } from './store/sqlite/index.ts';
import { isStoreUnavailable } from './store/unavailable.ts';
import { DEFAULT_WEBHOOK_CONFIG } from './webhooks/deliver.ts';

export interface StartServerOptions {
  /** The SQLite file (created with its folder when missing) or a `postgres://` URL. */
  dbFile: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: `GUEST_ACCESS_SECRET`, else (SQLite only) the key file `<dbFile>.key` (created with mode 0600). */
  serverSecret?: string | Buffer;
  config?: Partial<Omit<AppConfig, 'serverSecret'>>;
  synchronous?: 'NORMAL' | 'FULL';
  clock?: Clock;
  /** Seed the demo tenant and room and mount the demo site (api/routes/demo.ts). */
  demo?: boolean;
  /** Default: silent. */
  logger?: Logger;
  /** How often the retention sweep runs (default hourly); tests make it short. */
  retentionSweepMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  /** Closes event streams, lets requests in flight finish, checkpoints the WAL and closes the database. */
  close(): Promise<void>;
  /** Whatever the demo seeding returned (e.g. the demo page's URL), when `demo` is on. */
  demoInfo?: unknown;
}

interface DemoModule {
  createDemoRoutes(deps: AppDeps): Hono;
  seedDemo(deps: AppDeps, origin: string): unknown;
}

const CLOSE_GRACE_MS = 4000;

const SERVER_SECRET_CHECK = 'server-secret-check';

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/** SQLite's name for a database without a file: gone with the process (a quick try, a test). */
const IN_MEMORY = ':memory:';

/** The store on a SQLite file or a PostgreSQL URL: one setting (`--db`, `GUEST_ACCESS_DB`) chooses the engine. */
export async function openStore(location: string, synchronous?: 'NORMAL' | 'FULL'): Promise<Store> {
  if (isPostgresUrl(location)) {
    return createPostgresStore(location).catch((error: unknown) => {
      // Said in one line: the operator's mistake (a wrong URL, a database not created, a server down).
      const cause = isStoreUnavailable(error) ? error.cause : error;
      const reason =
        cause instanceof Error
          ? cause.message || String((cause as NodeJS.ErrnoException).code)
          : String(cause);
      throw new OperatorError(`Cannot open the PostgreSQL database ${displayLocation(location)}: ${reason}`);
    });
  }
  return createSqliteStore(openDatabase(location, synchronous));
}

/** A URL's password never reaches a log or an error line. */
export const displayLocation = (location: string) =>
  isPostgresUrl(location) ? location.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : location;

/**
 * The server secret: from the environment, else (SQLite) from a key file beside the database, never inside
 * it. The database keeps a check value of the secret that seals its tenants' signing secrets, so that no
 * process (the server, the CLI, another instance) ever seals or opens them with another one; a database
 * without one (from an older version, or new) adopts it from a secret that opens every sealed secret it holds.
 */
export async function loadServerSecret(
  store: Store,
  location: string,
  configured: string | Buffer | undefined = process.env.GUEST_ACCESS_SECRET,
): Promise<ServerSecret> {
  const where = displayLocation(location);
  if (!configured && isPostgresUrl(location)) {
    throw new OperatorError(
      `GUEST_ACCESS_SECRET is required with a PostgreSQL database (${where}): every instance and the command line must share it.`,
    );
  }
  // A database that ends with the process needs no secret beyond it.
  if (!configured && location === IN_MEMORY) configured = newServerSecret();
  const keyFile = `${location}.key`;
  // Under the write lock: processes starting together on a fresh database agree on one key file and check value.
  return store.transaction(async (tx) => {
    const stored = await tx.settings.get(SERVER_SECRET_CHECK);
    const sealed = await tx.tenants.allSealedSigningSecrets();
    if (!configured && !existsSync(keyFile)) {
      if (stored || sealed.length > 0)
        throw new OperatorError(
          `The database ${where} is sealed with a server secret, but GUEST_ACCESS_SECRET is unset and ` +
            `the key file ${keyFile} is missing: set GUEST_ACCESS_SECRET to the one it was sealed with, or restore ` +
            'the key file (a new one would not open it).',
        );
      writeFileSync(keyFile, `${newServerSecret()}\n`, { flag: 'wx', mode: 0o600 });
    }
    if (!configured) chmodSync(keyFile, 0o600);
    const serverSecret = parseServerSecret(configured || readFileSync(keyFile, 'utf8').trim());
    const check = serverSecretCheck(serverSecret);
    if (stored ? !stored.equals(check) : !sealed.every((secret) => opens(serverSecret, secret))) {
      const otherKey =
        configured && existsSync(keyFile) ? `, or unset it to use the key file ${keyFile}` : '';
      throw new OperatorError(
        configured
          ? `The database ${where} was sealed with another server secret: set GUEST_ACCESS_SECRET to the one it was sealed with${otherKey}.`
          : `The database ${where} was sealed with another server secret than the key file ${keyFile}: set GUEST_ACCESS_SECRET to the one it was sealed with.`,
      );
    }
    if (!stored) await tx.settings.set(SERVER_SECRET_CHECK, check);
    return serverSecret;
  });
}

/** The store and its server secret, checked against each other; the store is closed again on a refusal. */
export async function openStoreWithSecret(
  location: string,
  options: { synchronous?: 'NORMAL' | 'FULL'; serverSecret?: string | Buffer } = {},
) {
  const store = await openStore(location, options.synchronous);
  try {
    return { store, serverSecret: await loadServerSecret(store, location, options.serverSecret) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The GUEST_ACCESS_ variables environmentSettings reads: it reads them through this list, so none goes unlisted. */
const SETTING_VARIABLES = [
  'GUEST_ACCESS_DB',
  'GUEST_ACCESS_PUBLIC_ORIGIN',
  'GUEST_ACCESS_RATE_LIMIT',
  'GUEST_ACCESS_LOBBY_GRACE_S',
  'GUEST_ACCESS_RETENTION_DAYS',
  'GUEST_ACCESS_SYNCHRONOUS',
  'GUEST_ACCESS_TRUST_PROXY',
  'GUEST_ACCESS_INSTANCE',
  'GUEST_ACCESS_METRICS_TOKEN',
  'GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE',
  'GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS',
] as const;

type SettingVariable = (typeof SETTING_VARIABLES)[number];

/**
 * The GUEST_ACCESS_ variables known: the settings, the server secret (loadServerSecret reads it), those the
 * README has an integrator's backend and webhook receiver keep, and the test suite's PostgreSQL.
 */
const KNOWN_VARIABLES = new Set<string>([
  ...SETTING_VARIABLES,
  'GUEST_ACCESS_SECRET',
  'GUEST_ACCESS_TENANT_ID',
  'GUEST_ACCESS_API_KEY',
  'GUEST_ACCESS_SIGNING_SECRET',
  'GUEST_ACCESS_WEBHOOK_SECRET',
  'GUEST_ACCESS_TEST_PG',
]);

/**
 * A warning for each GUEST_ACCESS_ variable the server does not read (a guessed GUEST_ACCESS_ALLOWED_ORIGINS,
 * a misspelling), which would otherwise be ignored without a word. The tests' own are left alone.
 */
export function unknownVariableWarnings(env = process.env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('GUEST_ACCESS_') && !name.startsWith('GUEST_ACCESS_TEST_'))
    .filter((name) => !KNOWN_VARIABLES.has(name))
    .map(
      (name) =>
        `${name} is not a guest-access setting and is ignored (the README's Configuration lists them)` +
        (/ORIGIN|CORS/.test(name)
          ? "; the origins allowed to call the API are each tenant's: guest-access tenant update --add-origin"
          : ''),
    );
}

/** Settings from the environment, validated at start-up. */
export function environmentSettings(env = process.env) {
  const setting = (name: SettingVariable) => env[name];
  const number = (name: SettingVariable | 'PORT', fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new OperatorError(`${name} must be a whole number ≥ 0, not "${raw}"`);
    return value;
  };
  const synchronous = (setting('GUEST_ACCESS_SYNCHRONOUS') ?? 'NORMAL').toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL')
    throw new OperatorError('GUEST_ACCESS_SYNCHRONOUS is NORMAL or FULL');
  const instanceName = setting('GUEST_ACCESS_INSTANCE') || undefined;
  // It goes into a response header as is.
  if (instanceName !== undefined && !/^[\w.-]{1,64}$/.test(instanceName))
    throw new OperatorError('GUEST_ACCESS_INSTANCE is 1 to 64 letters, digits, ".", "_" or "-"');
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new OperatorError(`LOG_LEVEL is one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
  const metricsToken = setting('GUEST_ACCESS_METRICS_TOKEN') || undefined;
  // It guards what the service is doing; a short one could be guessed.
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,200}$/.test(metricsToken))
    throw new OperatorError('GUEST_ACCESS_METRICS_TOKEN is 16 to 200 printable characters, without spaces');
  const allowPrivate = setting('GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE') ?? '';
  if (!['', '0', '1'].includes(allowPrivate))
    throw new OperatorError('GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE is 1 (allow) or 0 (refuse, the default)');
  const retryBaseMs = number('GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS', DEFAULT_WEBHOOK_CONFIG.retryBaseMs);
  if (retryBaseMs < 1) throw new OperatorError('GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS must be at least 1');
  return {
    dbFile: setting('GUEST_ACCESS_DB') || './data/guest-access.db',
    port: number('PORT', 8787),
    host: env.HOST || '127.0.0.1',
    synchronous: synchronous as 'NORMAL' | 'FULL',
    rateLimitPerMinute: number('GUEST_ACCESS_RATE_LIMIT', 120),
    lobbyGraceSeconds: number('GUEST_ACCESS_LOBBY_GRACE_S', 60),
    publicOrigin: publicOrigin(setting('GUEST_ACCESS_PUBLIC_ORIGIN')),
    trustProxy: trustedProxies(setting('GUEST_ACCESS_TRUST_PROXY') ?? ''),
    instanceName,
    logLevel: logLevel as LogLevel,
    metricsToken,
    retentionDays: retentionDays(setting('GUEST_ACCESS_RETENTION_DAYS')),
    webhooks: { ...DEFAULT_WEBHOOK_CONFIG, allowPrivate: allowPrivate === '1', retryBaseMs },
  };
}

/** Link URLs are `<origin>/g/<token>`: a path here would put every link where no route answers. */
function publicOrigin(raw: string | undefined) {
  if (raw === undefined || raw === '') return undefined;
  const origin = normalOrigin(raw);
  if (origin === undefined)
    throw new OperatorError(
      `GUEST_ACCESS_PUBLIC_ORIGIN is an origin like https://guest-access.example.com (http or https, a host, an optional port; no path, query or fragment), not "${raw}"`,
    );
  return origin;
}

function retentionDays(raw: string | undefined) {
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new OperatorError(`GUEST_ACCESS_RETENTION_DAYS must be a whole number of days ≥ 1, not "${raw}"`);
  return days;
}

function trustedProxies(setting: string) {
  try {
    return parseTrustedProxies(setting);
  } catch (error) {
    throw new OperatorError(`GUEST_ACCESS_TRUST_PROXY: ${(error as Error).message}`);
  }
}

/** A database path the file cannot be created at, said as the operator fixes it. */
function databaseFileError(error: NodeJS.ErrnoException, dbFile: string) {
  const reason: Record<string, string> = {
    EISDIR: `is a folder; name a file in it, e.g. --db ${dbFile.replace(/\/+$/, '')}/guest-access.db`,
    ENOTDIR: 'lies under a file, not a folder',
    EEXIST: 'lies under a file, not a folder',
    EACCES: 'is not writable by this user',
    EPERM: 'is not writable by this user',
    EROFS: 'is on a read-only file system',
  };
  const why = error.code && reason[error.code];
  return why ? new OperatorError(`The database path ${dbFile} ${why}.`) : error;
}

/**
 * Opens the database file, private to its owner: it holds emails and sealed secrets. SQLite gives the -wal and
 * -shm files the main file's mode, so the main file is created 0600 before SQLite opens it.
 */
export function openDatabase(dbFile: string, synchronous?: 'NORMAL' | 'FULL') {
  if (dbFile === IN_MEMORY) return openDb(dbFile, { synchronous });
  try {
    mkdirSync(dirname(dbFile), { recursive: true, mode: 0o700 });
    closeSync(openSync(dbFile, 'a', 0o600));
  } catch (error) {
    throw databaseFileError(error as NodeJS.ErrnoException, dbFile);
  }
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    // Files of an older start (or left by a crash) may be readable by everyone; another process closing the
    // database may delete its -wal and -shm at any moment.
    try {
      if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return openDb(dbFile, { synchronous });
}

/**
 * Requests Node's parser refuses before the app sees them (headers over `maxHeaderSize`, broken HTTP, a request
 * too slow to arrive) get the API's JSON error shape instead of Node's bare status line. As Node does, only a
 * socket that has written nothing yet is answered, and it is closed after.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code !== 'ECONNRESET' && socket.writable && (socket as Socket).bytesWritten === 0) {
    const refusal =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new ApiError('header_too_large', 431, `Request headers are limited to ${maxHeaderSize} bytes.`)
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new ApiError('request_timeout', 408, 'The request took too long to arrive.')
          : new ApiError('validation_failed', 400, 'The request is not valid HTTP.');
    const body = JSON.stringify(refusal.toJSON());
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * The answer to a request @hono/node-server cannot make a URL of (`Host: x:99999`, a backslash in the path),
 * which it refuses before the app sees it: by default with an empty 400.
 */
function unreadableRequest(error: unknown) {
  const refusal =
    error instanceof RequestError
      ? new ApiError(
          'validation_failed',
          400,
          `The request's Host header or path is not valid (${error.message}): send a Host of a name or address with an optional port (1–65535), and a path starting with / without a backslash.`,
        )
      : new ApiError('internal_error', 500, 'Something went wrong on our side.');
  // Every answer carries an id (the app's logging gives the others theirs).
  const response = refusal.response();
  response.headers.set('X-Request-Id', randomUUID());
  return response;
}

/**
 * An HTTP/1.1 request without a Host header, or with an empty one, is refused (RFC 9112 §3.2) in the API's JSON
 * shape, with an id: Node's own check, turned off for this (`requireHostHeader`), answers with an empty 400 (and
 * lets an empty Host through). HTTP/1.0 has no Host to require: the address and port it reached stand in (the
 * listener would take the listen address without its port, and link URLs would name the wrong one).
 */
function requireHostHeader(listener: RequestListener): RequestListener {
  return (request, response) => {
    // An empty Host names no server either.
    if (request.headers.host) return listener(request, response);
    if (request.httpVersion === '1.0') {
      const { localAddress = '', localPort } = request.socket;
      request.headers.host = `${isIPv6(localAddress) ? `[${localAddress}]` : localAddress}:${localPort}`;
      return listener(request, response);
    }
    const refusal = new ApiError(
      'validation_failed',
      400,
      'The Host header is required in HTTP/1.1: send Host with the name (and port) the request is addressed to.',
    );
    const body = JSON.stringify(refusal.toJSON());
    // As Node did: the connection closes after, whatever body the request still carries is not read.
    response
      .writeHead(refusal.status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Request-Id': randomUUID(),
        Connection: 'close',
      })
      .end(body);
  };
}

/** Why the server could not listen, as the operator fixes it. */
function listenError(error: NodeJS.ErrnoException, host: string, port = 8787) {
  if (error.code === 'EADDRINUSE')
    return new OperatorError(
      `Port ${port} on ${host} is already in use: stop what uses it, or choose another with --port or PORT.`,
    );
  if (error.code === 'EACCES')
    return new OperatorError(
      `Port ${port} on ${host} needs privileges this process lacks: choose a port above 1023.`,
    );
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new OperatorError(`HOST ${host} is not an address of this machine.`);
  return error;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { store, serverSecret } = await openStoreWithSecret(options.dbFile, options);
  // Several instances share one PostgreSQL database: changes reach every instance's streams over it.
  const bus = await (store.engine === 'postgres'
    ? createPostgresBus(options.dbFile, { logger: options.logger }).catch(async (error: unknown) => {
        await store.close();
        throw error;
      })
    : createInProcessBus(options.logger));
  const deps = createDeps({
    store,
    clock: options.clock,
    config: { ...options.config, serverSecret },
    events: createEventHub(bus, options.logger),
    logger: options.logger,
  });
  // Loaded only on demand: the demo is an optional part of the product.
  const demo = options.demo ? ((await import('./routes/demo.ts')) as unknown as DemoModule) : undefined;
  const app = createApp(deps, demo?.createDemoRoutes);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    // Only a failure to start listening closes the store; errors after that are the server's own.
    const refuse = (error: NodeJS.ErrnoException) => {
      void Promise.all([bus.close(), store.close()]).finally(() =>
        reject(listenError(error, host, options.port)),
      );
    };
    // As @hono/node-server's serve(), which takes no errorHandler.
    const listening = createServer(
      { requireHostHeader: false },
      requireHostHeader(getRequestListener(app.fetch, { hostname: host, errorHandler: unreadableRequest })),
    ).listen(options.port ?? 8787, host, () => {
      listening.off('error', refuse);
      resolve(listening);
    });
    listening.once('error', refuse);
  });
  const { port } = server.address() as AddressInfo;
  server.on('clientError', answerClientError);
  const { onlyEventStreamsLeft } = trackAnswersInFlight(server);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Behind a proxy the demo's page, and the join URL guests land on, are at the public origin.
  const demoInfo = demo ? await demo.seedDemo(deps, deps.config.publicOrigin ?? url) : undefined;
  const retention = startRetention({
    store,
    clock: deps.clock,
    logger: deps.logger,
    retentionDays: deps.config.retentionDays,
    intervalMs: options.retentionSweepMs,
  });
  deps.webhooks.start();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      deps.events.closeAll();
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      // Keep-alive connections become idle as their last request ends: close each as soon as it does. Event
      // streams were told to end; a client that vanished without closing its socket must not delay the exit.
      const idle = setInterval(() => {
        server.closeIdleConnections();
        if (onlyEventStreamsLeft()) server.closeAllConnections();
      }, 50);
      server.close(() => {
        clearTimeout(force);
        clearInterval(idle);
        deps.events.close();
        void Promise.all([retention.stop(), deps.webhooks.close()])
          .then(() => Promise.all([bus.close(), store.close()]))
          .then(() => resolve());
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, port, deps, close, demoInfo };
}
