// The command line: serve, tenant create|update|show|rotate-secret, room put|list, token. Every command takes
// --db, so the command line and a running server can share one database. Each command accepts its own
// options only, and every refusal is one line on stderr with a non-zero exit code, never a stack.
import './node-version.ts';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { sign } from 'hono/jwt';
import * as v from 'valibot';
import {
  ALL_PERMISSIONS,
  createTenant,
  isNameClaim,
  MAX_HOST_TOKEN_TTL_SECONDS,
  MAX_NAME_CLAIM,
  type Permission,
  rotateSigningSecret,
} from './auth.ts';
import { ApiError, OperatorError } from './errors.ts';
import { createLogger } from './logging.ts';
import { packageInfo } from './package-info.ts';
import { NO_TRUSTED_PROXY } from './proxy-trust.ts';
import { roomFields } from './rules.ts';
import { origin, roomBody, roomParams, tenantPatchBody } from './schemas.ts';
import { decrypt, type ServerSecret } from './secrets.ts';
import {
  displayLocation,
  environmentSettings,
  openStoreWithSecret,
  startServer,
  unknownVariableWarnings,
} from './server.ts';
import type { Store } from './store/contract.ts';
import type { TenantChanges } from './store/types.ts';
import { adminRoomView, tenantView } from './views.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | string[] | undefined>;

interface Command {
  usage: string;
  options: Options;
  run(values: Values): Promise<void>;
}

/** Options every command takes. */
const COMMON = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const text = { type: 'string' } as const;
const texts = { type: 'string', multiple: true } as const;

/** A mistake in how the command was called: one line with the command's usage. */
class UsageError extends Error {}

const string = (values: Values, name: string) => values[name] as string | undefined;
const strings = (values: Values, name: string) => values[name] as string[] | undefined;

const required = (values: Values, name: string) => {
  const value = string(values, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
};

/** `90`, `90s`, `15m`, `1h`, `1d` → seconds. */
export function parseDuration(duration: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(duration);
  if (!match) throw new UsageError(`--ttl must look like 90s, 15m, 1h or 1d, not "${duration}"`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/**
 * `input` through an API schema, so the command line accepts exactly what the API does; a refusal names
 * the option (`flagOf` maps the issue's path, list indexes left out, to it) and the value given.
 */
function parseAs<Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  flagOf: Record<string, string>,
): v.InferOutput<Schema> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return parsed.output;
  const [issue] = parsed.issues;
  const key = (issue.path ?? [])
    .map((segment) => segment.key)
    .filter((segment) => typeof segment === 'string')
    .join('.');
  const flag = flagOf[key] ?? key;
  throw new OperatorError(`--${flag} ${JSON.stringify(issue.input)}: ${issue.message}`);
}

/** The store of `--db` (a file or a postgres:// URL) with its server secret; `use` runs, then it is closed. */
async function withStore<T>(
  values: Values,
  use: (opened: { store: Store; serverSecret: ServerSecret }) => Promise<T>,
) {
  const settings = environmentSettings();
  const opened = await openStoreWithSecret(string(values, 'db') ?? settings.dbFile, {
    synchronous: settings.synchronous,
  });
  try {
    return await use(opened);
  } finally {
    await opened.store.close();
  }
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** A server bound to loopback is reached from this machine only, so no stranger sends it a Host header. */
const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

async function serve(values: Values) {
  const settings = environmentSettings();
  const portOption = string(values, 'port');
  const port = portOption === undefined ? settings.port : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be a port number');
  const logger = createLogger(settings.logLevel);
  const location = string(values, 'db') ?? settings.dbFile;
  const server = await startServer({
    dbFile: location,
    port,
    host: settings.host,
    synchronous: settings.synchronous,
    config: {
      rateLimitPerMinute: settings.rateLimitPerMinute,
      publicOrigin: settings.publicOrigin,
      trustProxy: settings.trustProxy,
      instanceName: settings.instanceName,
      metricsToken: settings.metricsToken,
      lobbyGraceSeconds: settings.lobbyGraceSeconds,
      retentionDays: settings.retentionDays,
      webhooks: settings.webhooks,
    },
    demo: values.demo === true,
    logger,
  });
  // Behind a proxy the request's origin is the proxy's view (its Host, its http: to the instance), so links
  // would name the wrong scheme or port: a proxy is exactly where the setting is needed, loopback or not.
  const behindProxy = settings.trustProxy !== NO_TRUSTED_PROXY;
  if (!settings.publicOrigin && (behindProxy || !isLoopback(settings.host))) {
    logger.warn(
      behindProxy
        ? 'GUEST_ACCESS_PUBLIC_ORIGIN is unset but GUEST_ACCESS_TRUST_PROXY is set: behind a proxy link URLs need it (e.g. https://guest-access.example.com), or they take the origin the proxy passes on. Set it.'
        : 'GUEST_ACCESS_PUBLIC_ORIGIN is unset; link URLs take the origin of each host’s own request. Set it.',
    );
  }
  for (const warning of unknownVariableWarnings()) logger.warn(warning);
  const engine = server.deps.store.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
  // The URL is followed by a space, so tools (and tests) can take it from the line with /on (\S+)/; written
  // at LOG_LEVEL=warn too (only `silent` drops it), since scripts wait for it.
  const startLogger =
    logger.isLevelEnabled('info') || logger.level === 'silent' ? logger : logger.child({}, { level: 'info' });
  startLogger.info(
    {
      version: packageInfo.version,
      node: process.versions.node,
      engine: server.deps.store.engine,
      database: displayLocation(location),
      url: server.url,
      origin: settings.publicOrigin ?? server.url,
      metrics: settings.metricsToken !== undefined,
    },
    `guest-access listening on ${server.url} (${engine} ${displayLocation(location)})`,
  );
  if (typeof server.demoInfo === 'string') logger.info(`${server.demoInfo} (open it in a browser)`);
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    // Exit within 5 s even if something hangs.
    setTimeout(() => process.exit(1), 5000).unref();
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** An --origin value through the admin API's own schema, normalised; refused with the value named. */
function allowedOrigin(value: string, flag = 'origin') {
  return parseAs(origin, value, { '': flag });
}

async function tenantCreate(values: Values) {
  // Checked before the database is opened: a mistake leaves nothing behind.
  const allowedOrigins = (strings(values, 'origin') ?? []).map((value) => allowedOrigin(value));
  // The name rule of tenant update and PATCH /v1/admin/tenant.
  const { name } = parseAs(tenantPatchBody, { name: required(values, 'name') }, TENANT_FLAGS);
  await withStore(values, async ({ store, serverSecret }) => {
    const created = await createTenant(
      store,
      serverSecret,
      { name: name as string, allowedOrigins },
      Date.now(),
    );
    print({ id: created.tenant.id, apiKey: created.apiKey, signingSecret: created.signingSecret });
  });
}

async function tenantRotateSecret(values: Values) {
  const tenantId = required(values, 'tenant');
  await withStore(values, async ({ store, serverSecret }) => {
    const signingSecret = await rotateSigningSecret(store, serverSecret, tenantId);
    if (!signingSecret) throw new OperatorError(`no tenant ${tenantId}`);
    print({ signingSecret });
  });
}

async function tenantShow(values: Values) {
  const tenantId = required(values, 'tenant');
  await withStore(values, async ({ store }) => {
    const tenant = await store.tenants.get(tenantId);
    if (!tenant) throw new OperatorError(`no tenant ${tenantId}`);
    print(tenantView(tenant));
  });
}

/** `on`/`off` of a module switch. */
function onOff(values: Values, name: string) {
  const value = string(values, name);
  if (value === undefined) return undefined;
  if (value !== 'on' && value !== 'off') throw new UsageError(`--${name} is on or off, not "${value}"`);
  return value === 'on';
}

/** A value that `none` resets (to no logo, no colour, the default guest page). */
const orNone = (values: Values, name: string) => {
  const value = string(values, name);
  return value === 'none' ? null : value;
};

/** Where each field of PATCH /v1/admin/tenant comes from on the command line. */
const TENANT_FLAGS = {
  name: 'name',
  allowedOrigins: 'origin',
  'branding.logoUrl': 'logo-url',
  'branding.accentColor': 'accent-color',
  guestUrlTemplate: 'guest-url-template',
};

async function tenantUpdate(values: Values) {
  const tenantId = required(values, 'tenant');
  const replaced = strings(values, 'origin');
  const added = (strings(values, 'add-origin') ?? []).map((value) => allowedOrigin(value, 'add-origin'));
  const removed = (strings(values, 'remove-origin') ?? []).map((value) =>
    allowedOrigin(value, 'remove-origin'),
  );
  if (replaced && (added.length || removed.length))
    throw new UsageError('--origin replaces the list: use it without --add-origin and --remove-origin');
  const inviteToMedia = onOff(values, 'invite-to-media');
  const mediaPage = onOff(values, 'media-page');
  const logoUrl = orNone(values, 'logo-url');
  const accentColor = orNone(values, 'accent-color');
  // The same schema as PATCH /v1/admin/tenant: the same origins, URLs and colours are accepted.
  const changes: TenantChanges = parseAs(
    tenantPatchBody,
    {
      name: string(values, 'name'),
      allowedOrigins: replaced,
      modules:
        inviteToMedia === undefined && mediaPage === undefined
          ? undefined
          : { inviteToMedia, theming: mediaPage === undefined ? undefined : { mediaPage } },
      branding: logoUrl === undefined && accentColor === undefined ? undefined : { logoUrl, accentColor },
      guestUrlTemplate: orNone(values, 'guest-url-template'),
    },
    TENANT_FLAGS,
  );
  const nothing = Object.values(changes).every((change) => change === undefined);
  if (nothing && !added.length && !removed.length) throw new UsageError('name at least one change');
  await withStore(values, async ({ store }) => {
    const tenant = await store.transaction(async (tx) => {
      const current = await tx.tenants.get(tenantId);
      if (!current) throw new OperatorError(`no tenant ${tenantId}`);
      if (added.length || removed.length) {
        const kept = current.allowedOrigins.filter((each) => !removed.includes(each));
        changes.allowedOrigins = [...new Set([...kept, ...added])];
      }
      await tx.tenants.update(current, changes);
      return tx.tenants.get(tenantId);
    });
    // A running server reads the tenant per request: origins and modules apply to its next request.
    if (tenant) print(tenantView(tenant));
  });
}

async function roomPut(values: Values) {
  const tenantId = required(values, 'tenant');
  const { roomId } = parseAs(roomParams, { roomId: required(values, 'id') }, { roomId: 'id' });
  const body = parseAs(
    roomBody,
    {
      title: required(values, 'title'),
      type: string(values, 'type'),
      startsAt: string(values, 'starts-at'),
      endsAt: string(values, 'ends-at'),
      timeZone: string(values, 'time-zone'),
      joinUrl: string(values, 'join-url'),
    },
    { startsAt: 'starts-at', endsAt: 'ends-at', timeZone: 'time-zone', joinUrl: 'join-url' },
  );
  await withStore(values, async ({ store }) => {
    if (!(await store.tenants.get(tenantId))) throw new OperatorError(`no tenant ${tenantId}`);
    const fields = roomFields(body);
    const room = await store.transaction((tx) => tx.rooms.put(tenantId, roomId, fields, Date.now()));
    print({ id: room.id, title: room.title, type: room.type });
  });
}

async function roomList(values: Values) {
  const tenantId = required(values, 'tenant');
  await withStore(values, async ({ store }) => {
    if (!(await store.tenants.get(tenantId))) throw new OperatorError(`no tenant ${tenantId}`);
    const rooms = await store.rooms.listOfTenant(tenantId);
    print(rooms.map((room) => ({ ...adminRoomView(room), available: room.removedAt === null })));
  });
}

async function token(values: Values) {
  const tenantId = required(values, 'tenant');
  const perms = (strings(values, 'perm') ?? ALL_PERMISSIONS) as Permission[];
  const unknown = perms.filter((perm) => !ALL_PERMISSIONS.includes(perm));
  if (unknown.length) throw new UsageError(`unknown permission ${unknown.join(', ')}`);
  const ttl = string(values, 'ttl') ?? '1h';
  const ttlSeconds = parseDuration(ttl);
  // A longer-lived token would be minted here and refused by every request (401).
  if (ttlSeconds > MAX_HOST_TOKEN_TTL_SECONDS)
    throw new UsageError(
      `--ttl ${ttl} is too long: host tokens may live at most ${MAX_HOST_TOKEN_TTL_SECONDS / 3600}h (${MAX_HOST_TOKEN_TTL_SECONDS} seconds), the API refuses longer ones`,
    );
  // A user or room the API refuses in a token (401) is never minted into one.
  for (const option of ['user', 'room'] as const)
    if (!isNameClaim(required(values, option)))
      throw new UsageError(
        `--${option} must be text of at most ${MAX_NAME_CLAIM} characters, without control characters (tabs, line breaks)`,
      );
  const claims = {
    iss: tenantId,
    sub: required(values, 'user'),
    room: required(values, 'room'),
    perms,
    exp: Math.floor(Date.now() / 1000) + ttlSeconds,
  };
  await withStore(values, async ({ store, serverSecret }) => {
    const sealed = (await store.tenants.withSealedSecrets(tenantId))?.sealed[0];
    if (!sealed) throw new OperatorError(`no tenant ${tenantId}`);
    process.stdout.write(`${await sign(claims, decrypt(serverSecret, sealed), 'HS256')}\n`);
  });
}

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: 'serve [--port 8787] [--db FILE|URL] [--demo]',
    options: { port: text, demo: { type: 'boolean' } },
    run: serve,
  },
  'tenant create': {
    usage: 'tenant create --name NAME [--origin URL]...      prints {id, apiKey, signingSecret}',
    options: { name: text, origin: texts },
    run: tenantCreate,
  },
  'tenant update': {
    usage:
      'tenant update --tenant ID [--name NAME] [--origin URL]... | [--add-origin URL]... [--remove-origin URL]...\n' +
      '              [--invite-to-media on|off] [--media-page on|off] [--logo-url URL|none]\n' +
      '              [--accent-color #RRGGBB|none] [--guest-url-template URL|none]   prints the tenant',
    options: {
      tenant: text,
      name: text,
      origin: texts,
      'add-origin': texts,
      'remove-origin': texts,
      'invite-to-media': text,
      'media-page': text,
      'logo-url': text,
      'accent-color': text,
      'guest-url-template': text,
    },
    run: tenantUpdate,
  },
  'tenant show': {
    usage: 'tenant show --tenant ID                         prints the tenant',
    options: { tenant: text },
    run: tenantShow,
  },
  'tenant rotate-secret': {
    usage:
      'tenant rotate-secret --tenant ID                 prints {signingSecret}; the previous one stays valid',
    options: { tenant: text },
    run: tenantRotateSecret,
  },
  'room put': {
    usage:
      'room put --tenant ID --id ROOM --title TITLE [--type room|channel]\n' +
      '         [--starts-at ISO] [--ends-at ISO] [--time-zone TZ] [--join-url URL]',
    options: {
      tenant: text,
      id: text,
      title: text,
      type: text,
      'starts-at': text,
      'ends-at': text,
      'time-zone': text,
      'join-url': text,
    },
    run: roomPut,
  },
  'room list': {
    usage: 'room list --tenant ID                            prints the rooms',
    options: { tenant: text },
    run: roomList,
  },
  token: {
    usage: `token --tenant ID --room ROOM --user USER [--perm PERMISSION]... [--ttl 1h]   --ttl at most ${MAX_HOST_TOKEN_TTL_SECONDS / 3600}h`,
    options: { tenant: text, room: text, user: text, perm: texts, ttl: text },
    run: token,
  },
};

const USAGE = `guest-access <command> [options]

${Object.values(COMMANDS)
  .map((command) => `  ${command.usage}`)
  .join('\n')}

Every command takes --db: a SQLite file (default ./data/guest-access.db) or a postgres:// URL;
GUEST_ACCESS_DB sets it too.`;

/** The command the arguments name (one word, or two for tenant and room) and the arguments after it. */
function commandOf(argv: string[]): { name: string; command: Command; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS[name];
    if (command) return { name, command, rest: argv.slice(words) };
  }
  return undefined;
}

/** parseArgs' refusals, which come with a stack and a paragraph, as one line about this command. */
function parseOptions(name: string, command: Command, args: string[]): Values {
  const options = { ...COMMON, ...command.options };
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    const named = /'(-[^' ]+)/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1] ?? '';
    const takes = Object.keys(command.options).map((option) => `--${option}`);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`${name} takes no option ${named} (it takes ${[...takes, '--db'].join(', ')})`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`${name}: unexpected argument "${named}"`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(
        `${name}: ${named} ${/argument missing/.test(message) ? 'needs a value' : 'takes no value'}`,
      );
    throw new UsageError(`${name}: ${message.split('\n')[0]}`);
  }
}

/** The usage line of the command being run, for its usage errors. */
let usageOfCommand: string | undefined;
/** Where a usage error without a command points to: the group's help once a group (tenant, room) is named. */
let helpCommand = 'guest-access --help';

/** The commands of a group (`tenant`, `room`): those named by two words, the first being the group. */
const commandsOfGroup = (group: string) =>
  Object.keys(COMMANDS).filter((name) => name.startsWith(`${group} `));

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';

/** `tenant`, `tenant --help`, `tenant frobnicate`: the group's commands, as help (exit 0) or a refusal. */
function groupUsage(argv: string[]) {
  const [group = '', word] = argv;
  const names = commandsOfGroup(group);
  if (names.length === 0) throw new UsageError(`unknown command "${group}"`);
  if (isHelp(word)) {
    console.log(names.map((name) => `guest-access ${COMMANDS[name]?.usage}`).join('\n'));
    return;
  }
  helpCommand = `guest-access ${group} --help`;
  const commands = names.map((name) => name.slice(group.length + 1)).join(', ');
  throw new UsageError(
    word === undefined || word.startsWith('-')
      ? `${group} needs a command: ${commands}`
      : `${group} has no command "${word}" (it has ${commands})`,
  );
}

export async function main(argv: string[]) {
  if (argv.length === 0 || isHelp(argv[0])) {
    console.log(USAGE);
    return;
  }
  const found = commandOf(argv);
  if (!found) return groupUsage(argv);
  usageOfCommand = `guest-access ${found.command.usage.split('\n')[0]?.replace(/\s{2,}.*$/, '')}`;
  const values = parseOptions(found.name, found.command, found.rest);
  if (values.help) {
    console.log(`guest-access ${found.command.usage}`);
    return;
  }
  await found.command.run(values);
}

/** Exit 2 for a refusal (how it was called, its settings, its files), 1 for a bug, which is one line too. */
function refusal(error: unknown): { line: string; code: number } {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (error instanceof UsageError)
    return {
      line: usageOfCommand ? `${message}. Usage: ${usageOfCommand}` : `${message}; see ${helpCommand}`,
      code: 2,
    };
  if ([OperatorError, v.ValiError, ApiError].some((type) => error instanceof type))
    return { line: message ?? '', code: 2 };
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error);
  return { line: `unexpected error: ${message} (LOG_LEVEL=debug shows where)`, code: 1 };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const { line, code } = refusal(error);
  process.stderr.write(`guest-access: ${line}\n`);
  process.exit(code);
});
