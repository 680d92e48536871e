// The command line: serve, tenant create|rotate-secret, room put, token. Every command takes --db, so the
// command line and a running server can share one database file.
import { parseArgs } from 'node:util';
import { sign } from 'hono/jwt';
import * as v from 'valibot';
import { ALL_PERMISSIONS, createTenant, type Permission, rotateSigningSecret } from './auth.ts';
import { ApiError, OperatorError } from './errors.ts';
import { roomFields } from './rules.ts';
import { origin, roomBody, roomParams } from './schemas.ts';
import { decrypt, type ServerSecret } from './secrets.ts';
import { displayLocation, environmentSettings, openStoreWithSecret, startServer } from './server.ts';
import type { Store } from './store/contract.ts';

const USAGE = `guest-access <command> [options]

  serve [--port 8787] [--db FILE|URL] [--demo]
  tenant create --name NAME [--origin URL]...      prints {id, apiKey, signingSecret}
  tenant rotate-secret --tenant ID                 prints {signingSecret}; the previous one stays valid
  room put --tenant ID --id ROOM --title TITLE [--type room|channel]
           [--starts-at ISO] [--ends-at ISO] [--time-zone TZ] [--join-url URL]
  token --tenant ID --room ROOM --user USER [--perm PERMISSION]... [--ttl 1h]

Every command takes --db: a SQLite file (default ./data/guest-access.db) or a postgres:// URL;
GUEST_ACCESS_DB sets it too.`;

const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  demo: { type: 'boolean' },
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  tenant: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  type: { type: 'string' },
  'starts-at': { type: 'string' },
  'ends-at': { type: 'string' },
  'time-zone': { type: 'string' },
  'join-url': { type: 'string' },
  room: { type: 'string' },
  user: { type: 'string' },
  perm: { type: 'string', multiple: true },
  ttl: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}

const required = (values: Values, name: 'name' | 'tenant' | 'id' | 'title' | 'room' | 'user') => {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
};

/** `90`, `90s`, `15m`, `1h`, `1d` → seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match) throw new UsageError(`--ttl must look like 90s, 15m, 1h or 1d, not "${text}"`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/** The store of `--db` (a file or a postgres:// URL) with its server secret; `use` runs, then it is closed. */
async function withStore<T>(
  values: Values,
  use: (opened: { store: Store; serverSecret: ServerSecret }) => Promise<T>,
) {
  const settings = environmentSettings();
  const opened = await openStoreWithSecret(values.db ?? settings.dbFile, {
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
  const port = values.port === undefined ? settings.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be a port number');
  const server = await startServer({
    dbFile: values.db ?? settings.dbFile,
    port,
    host: settings.host,
    synchronous: settings.synchronous,
    config: {
      rateLimitPerMinute: settings.rateLimitPerMinute,
      publicOrigin: settings.publicOrigin,
      trustProxy: settings.trustProxy,
      instanceName: settings.instanceName,
      lobbyGraceSeconds: settings.lobbyGraceSeconds,
    },
    demo: values.demo,
  });
  if (!settings.publicOrigin && !isLoopback(settings.host)) {
    console.error(
      'guest-access: GUEST_ACCESS_PUBLIC_ORIGIN is unset; link URLs take the origin of each host’s own request. Set it.',
    );
  }
  const engine = server.deps.store.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
  console.log(
    `guest-access listening on ${server.url} (${engine} ${displayLocation(values.db ?? settings.dbFile)})`,
  );
  if (typeof server.demoInfo === 'string') console.log(server.demoInfo);
  else if (values.demo) console.log(`demo: ${server.url}/demo`);
  const shutdown = () => {
    // Exit within 5 s even if something hangs.
    setTimeout(() => process.exit(1), 5000).unref();
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** An --origin value through the admin API's own schema, normalised; refused with the value named. */
function allowedOrigin(value: string) {
  const parsed = v.safeParse(origin, value);
  if (!parsed.success)
    throw new OperatorError(`--origin ${JSON.stringify(value)}: ${parsed.issues[0].message}`);
  return parsed.output;
}

async function tenantCommand(action: string | undefined, values: Values) {
  // Checked before the database is opened: a mistake leaves nothing behind.
  const allowedOrigins = (values.origin ?? []).map(allowedOrigin);
  if (action !== 'create' && action !== 'rotate-secret')
    throw new UsageError('tenant create | tenant rotate-secret');
  await withStore(values, async ({ store, serverSecret }) => {
    if (action === 'create') {
      const created = await createTenant(
        store,
        serverSecret,
        { name: required(values, 'name'), allowedOrigins },
        Date.now(),
      );
      print({ id: created.tenant.id, apiKey: created.apiKey, signingSecret: created.signingSecret });
    } else {
      const signingSecret = await rotateSigningSecret(store, serverSecret, required(values, 'tenant'));
      if (!signingSecret) throw new UsageError('no such tenant');
      print({ signingSecret });
    }
  });
}

async function roomPut(values: Values) {
  await withStore(values, async ({ store }) => {
    const tenantId = required(values, 'tenant');
    if (!(await store.tenants.get(tenantId))) throw new UsageError('no such tenant');
    const { roomId } = v.parse(roomParams, { roomId: required(values, 'id') });
    const body = v.parse(roomBody, {
      title: required(values, 'title'),
      type: values.type,
      startsAt: values['starts-at'],
      endsAt: values['ends-at'],
      timeZone: values['time-zone'],
      joinUrl: values['join-url'],
    });
    const fields = roomFields(body);
    const room = await store.transaction((tx) => tx.rooms.put(tenantId, roomId, fields, Date.now()));
    print({ id: room.id, title: room.title, type: room.type });
  });
}

async function token(values: Values) {
  await withStore(values, async ({ store, serverSecret }) => {
    const tenantId = required(values, 'tenant');
    const sealed = (await store.tenants.withSealedSecrets(tenantId))?.sealed[0];
    if (!sealed) throw new UsageError('no such tenant');
    const perms = (values.perm ?? ALL_PERMISSIONS) as Permission[];
    const unknown = perms.filter((perm) => !ALL_PERMISSIONS.includes(perm));
    if (unknown.length) throw new UsageError(`unknown permission ${unknown.join(', ')}`);
    const claims = {
      iss: tenantId,
      sub: required(values, 'user'),
      room: required(values, 'room'),
      perms,
      exp: Math.floor(Date.now() / 1000) + parseDuration(values.ttl ?? '1h'),
    };
    process.stdout.write(`${await sign(claims, decrypt(serverSecret, sealed), 'HS256')}\n`);
  });
}

export async function main(argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, action] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') await serve(values);
  else if (command === 'tenant') await tenantCommand(action, values);
  else if (command === 'room' && action === 'put') await roomPut(values);
  else if (command === 'token') await token(values);
  else throw new UsageError(`unknown command "${positionals.join(' ')}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = [UsageError, OperatorError, v.ValiError, ApiError].some((type) => error instanceof type);
  console.error(`guest-access: ${error instanceof Error ? error.message : String(error)}`);
  if (!known) console.error(error);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exit(2);
});
