// The app in-process (createApp over a fresh test database) with one of everything a route can name: two
// tenants, a room with guest access on, links, a waiting and an admitted guest, and a bearer of each kind.
// Requests go through app.request(), which can also pose as any client address, or over HTTP; a snapshot hashes the
// whole database so a test can prove a refused request changed nothing.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { TestContext } from 'node:test';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { createTenant } from '../../api/auth.ts';
import { createDeps } from '../../api/context.ts';
import type { Logger } from '../../api/logging.ts';
import { parseTrustedProxies } from '../../api/proxy-trust.ts';
import { openStore } from '../../api/server.ts';
import { hostToken, movableClock } from '../support/api-fixture.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { openRawDatabase, type RawDatabase } from '../support/raw-database.ts';
import { createTestDatabase } from '../support/test-database.ts';

export const TENANT_ORIGIN = 'https://media.example';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is (already serialised). */
  body?: string | Uint8Array<ArrayBuffer>;
  /** The address of the connection's peer: the client, or a proxy in front of it. */
  address?: string;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it was JSON. */
  json: unknown;
}

export type Harness = Awaited<ReturnType<typeof harness>>;

export async function harness(
  t: TestContext,
  options: {
    rateLimitPerMinute?: number;
    trustProxy?: string;
    instanceName?: string;
    logger?: Logger;
    metricsToken?: string;
  } = {},
) {
  const database = await createTestDatabase();
  atTestEnd(t, database.remove);
  const store = await openStore(database.location);
  atTestEnd(t, () => store.close());
  const db = openRawDatabase(database.location);
  atTestEnd(t, () => db.close());
  const clock = movableClock();
  const deps = createDeps({
    store,
    clock,
    config: {
      serverSecret: Buffer.alloc(32, 9),
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      trustProxy: parseTrustedProxies(options.trustProxy ?? ''),
      instanceName: options.instanceName,
      metricsToken: options.metricsToken,
    },
    logger: options.logger,
  });
  const app = createApp(deps);

  async function send(request: RawRequest): Promise<RawAnswer> {
    return read(
      await app.request(
        request.path,
        { method: request.method, headers: request.headers, body: request.body },
        { incoming: { socket: { remoteAddress: request.address ?? '192.0.2.1' } } },
      ),
    );
  }

  // The same app served by @hono/node-server as in production, started on first use: some headers are written
  // on Node's response there (api/secure-headers.ts). Every request comes from 127.0.0.1.
  let served: Promise<string> | undefined;
  const servedUrl = () =>
    (served ??= new Promise((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
      atTestEnd(
        t,
        () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            (server as Server).closeAllConnections();
          }),
      );
    }));
  async function sendOverHttp(request: RawRequest): Promise<RawAnswer> {
    const { method, headers, body } = request;
    return read(await fetch(`${await servedUrl()}${request.path}`, { method, headers, body }));
  }

  async function read(response: Response): Promise<RawAnswer> {
    // An accepted event stream never ends by itself: read nothing and let it go.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, text: '', json: undefined };
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // HTML, JavaScript or CSS
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  let setupCalls = 0;
  const sendJson = async (method: string, path: string, token: string, body?: unknown) => {
    const answer = await send({
      method,
      path,
      // Each from its own address, so the setup fits under any rate limit a test configures.
      address: `setup-${++setupCalls}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.json as Record<string, unknown>;
  };

  const now = clock.now();
  const tenant = await createTenant(
    deps.store,
    deps.config.serverSecret,
    { name: 'Tenant', allowedOrigins: [TENANT_ORIGIN] },
    now,
  );
  const other = await createTenant(
    deps.store,
    deps.config.serverSecret,
    { name: 'Other', allowedOrigins: ['https://other.example'] },
    now,
  );
  const mint = (perms?: string[], input: { room?: string; ttlSeconds?: number } = {}) =>
    hostToken({
      tenantId: tenant.tenant.id,
      signingSecret: tenant.signingSecret,
      room: input.room ?? 'r1',
      perms,
      ttlSeconds: input.ttlSeconds,
      now: clock.now(),
    });
  const manager = await mint();
  await sendJson('PUT', '/v1/admin/rooms/r1', tenant.apiKey, { title: 'Room one' });
  await sendJson('PUT', '/v1/admin/rooms/r1', other.apiKey, { title: 'Other tenant’s room one' });
  await sendJson('PATCH', '/v1/rooms/r1/guest-access', manager, { enabled: true });
  const limited = await sendJson('POST', '/v1/rooms/r1/links', manager, { name: 'Limited', maxUses: 3 });
  const open = await sendJson('POST', '/v1/rooms/r1/links', manager, { name: 'Open' });
  const linkToken = (link: Record<string, unknown>) => String(link.url).split('/').pop() as string;
  const guestBody = { name: 'Grace', email: 'grace@example.com' };
  const waiting = await sendJson('POST', `/v1/links/${linkToken(open)}/guests`, '', guestBody);
  const admitted = await sendJson('POST', `/v1/links/${linkToken(open)}/guests`, '', guestBody);
  const admittedId = (admitted.guest as { id: string }).id;
  await sendJson('POST', `/v1/rooms/r1/guests/${admittedId}/admit`, manager);

  /** A JSON body sent with the tenant's API key, as an admin call; the answer whatever it is. */
  const sendAdmin = (method: string, path: string, body: unknown) =>
    send({
      method,
      path,
      headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  return {
    app,
    db,
    deps,
    clock,
    send,
    sendAdmin,
    sendOverHttp,
    /** Everything real a request can name or carry. */
    known: {
      roomId: 'r1',
      tenantId: tenant.tenant.id,
      apiKey: tenant.apiKey,
      otherApiKey: other.apiKey,
      signingSecret: tenant.signingSecret,
      hostToken: manager,
      admitOnlyToken: await mint(['guests:admit']),
      manageOnlyToken: await mint(['guest-access:manage']),
      otherRoomToken: await mint(undefined, { room: 'r2' }),
      linkIds: [String(limited.id), String(open.id)],
      linkTokens: [linkToken(limited), linkToken(open)],
      guestIds: [(waiting.guest as { id: string }).id, admittedId],
      guestSessions: [String(waiting.session), String(admitted.session)],
    },
    mint,
  };
}

/** Row counts and a hash of every row of every table: equal snapshots mean nothing was written. */
export async function databaseSnapshot(db: RawDatabase) {
  const tables = await db.tables();
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = (await db.all(`SELECT * FROM "${table}"`))
      .map((row) =>
        JSON.stringify(row, (_key, value) =>
          value && typeof value === 'object' && value.type === 'Buffer'
            ? Buffer.from(value.data).toString('hex')
            : value,
        ),
      )
      .sort();
    counts[table] = rows.length;
    hash.update(`${table}\n${rows.join('\n')}\n`);
  }
  return { counts, hash: hash.digest('hex') };
}
