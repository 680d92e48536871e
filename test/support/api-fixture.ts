// The real API server on a temporary database, with a clock tests can move, and the setup steps tests
// need (tenants, host tokens, rooms with links) built on the same code paths as the product.
import { sign } from 'hono/jwt';
import { ALL_PERMISSIONS, createTenant } from '../../api/auth.ts';
import { decrypt } from '../../api/secrets.ts';
import { type RunningServer, startServer } from '../../api/server.ts';
import type { Modules } from '../../api/store/types.ts';
import type { StreamCaps } from '../../api/stream-limits.ts';
import { DEFAULT_WEBHOOK_CONFIG, type WebhookConfig } from '../../api/webhooks/deliver.ts';
import { type CuttingProxy, startCuttingProxy } from './cutting-proxy.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApi {
  url: string;
  close(): Promise<void>;
  command(name: string, payload: Record<string, unknown>): Promise<unknown>;
}

export interface MovableClock {
  now(): number;
  advance(ms: number): number;
}

export function movableClock(start = Date.now()): MovableClock {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
      return Date.now() + offset;
    },
  };
}

export interface TenantInput {
  name?: string;
  allowedOrigins?: string[];
  modules?: { inviteToMedia?: boolean; theming?: { mediaPage?: boolean } };
}

export interface TokenInput {
  tenantId: string;
  signingSecret: string;
  room: string;
  user?: string;
  perms?: string[];
  ttlSeconds?: number;
  now: number;
}

/** A host token as an integrator's backend mints it. */
export const hostToken = (input: TokenInput) =>
  sign(
    {
      iss: input.tenantId,
      sub: input.user ?? 'host-user',
      room: input.room,
      perms: input.perms ?? ALL_PERMISSIONS,
      exp: Math.floor(input.now / 1000) + (input.ttlSeconds ?? 600),
    },
    input.signingSecret,
    'HS256',
  );

export interface CallInput {
  method?: string;
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A plain fetch to the API; a token becomes `Authorization: Bearer`. */
export async function call(baseUrl: string, input: CallInput): Promise<CallResult> {
  const headers: Record<string, string> = { ...input.headers };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  if (input.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(new URL(input.path, baseUrl), {
    method: input.method ?? 'GET',
    headers,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

export interface SetupInput extends TenantInput {
  type?: 'room' | 'channel';
  perms?: string[];
  enabled?: boolean;
  admission?: 'moderator' | 'auto';
  links?: Array<{ name: string; maxUses?: number; durationDays?: number }>;
  roomTitle?: string;
  joinUrl?: string;
}

let roomCounter = 0;

/** Starts the real server via startServer on a temporary database file, port 0, rate limit off. */
export async function startTestApi(
  options: {
    heartbeatMs?: number;
    rateLimitPerMinute?: number;
    streamCaps?: Partial<StreamCaps>;
    lobbyGraceSeconds?: number;
    retentionDays?: number;
    retentionSweepMs?: number;
    /** Webhook delivery settings over the defaults (e.g. private targets allowed, short retries). */
    webhooks?: Partial<WebhookConfig>;
  } = {},
) {
  const database = await createTestDatabase();
  const clock = movableClock();
  const server: RunningServer = await startServer({
    dbFile: database.location,
    port: 0,
    serverSecret: 'test-server-secret-of-at-least-32-characters',
    clock,
    retentionSweepMs: options.retentionSweepMs,
    config: {
      ...(options.retentionDays !== undefined && { retentionDays: options.retentionDays }),
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      heartbeatMs: options.heartbeatMs ?? 1000,
      ...(options.lobbyGraceSeconds !== undefined && { lobbyGraceSeconds: options.lobbyGraceSeconds }),
      ...options.streamCaps,
      ...(options.webhooks && { webhooks: { ...DEFAULT_WEBHOOK_CONFIG, ...options.webhooks } }),
    },
  });
  const { store, config } = server.deps;
  const request = (input: CallInput) => call(server.url, input);

  async function tenant(input: TenantInput) {
    const created = await createTenant(
      store,
      config.serverSecret,
      {
        name: input.name ?? 'Test tenant',
        allowedOrigins: input.allowedOrigins,
        modules: input.modules as Partial<Modules> | undefined,
      },
      clock.now(),
    );
    return { id: created.tenant.id, apiKey: created.apiKey, signingSecret: created.signingSecret };
  }

  async function signingSecretOf(tenantId: string) {
    const sealed = (await store.tenants.withSealedSecrets(tenantId))?.sealed[0];
    if (!sealed) throw new Error(`unknown tenant ${tenantId}`);
    return decrypt(config.serverSecret, sealed);
  }

  async function expectOk(result: CallResult, what: string) {
    if (result.status >= 300)
      throw new Error(`${what} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  let sentinels = 0;
  /**
   * Resolves once what was published so far has reached this instance's streams. Through PostgreSQL an event
   * travels by NOTIFY after its answer, so a stream opened just after setup could hear setup's own changes.
   */
  function eventsDelivered() {
    const key = `settled-${++sentinels}`;
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => settle(new Error('the bus did not deliver within 5 s')), 5_000);
      const unsubscribe = server.deps.events.subscribeToTenantChanges(key, () => settle());
      server.deps.events.publishTenantChanged(key);
    });
  }

  async function setup(input: SetupInput) {
    // Modules are switched off last, so the links can be created first.
    const created = await tenant({ ...input, modules: undefined });
    roomCounter += 1;
    const roomId = `room-${roomCounter}-${Date.now().toString(36)}`;
    const admin = { token: created.apiKey };
    await expectOk(
      await request({
        ...admin,
        method: 'PUT',
        path: `/v1/admin/rooms/${roomId}`,
        body: {
          title: input.roomTitle ?? 'Make your next event a next-level event',
          type: input.type ?? 'room',
          startsAt: '2026-06-12T14:00:00.000Z',
          endsAt: '2026-06-12T14:45:00.000Z',
          timeZone: 'America/New_York',
          joinUrl: input.joinUrl ?? `${server.url}/healthz`,
        },
      }),
      'room put',
    );
    const manager = await hostToken({ ...created, tenantId: created.id, room: roomId, now: clock.now() });
    const links: unknown[] = [];
    const wantsLinks = (input.links?.length ?? 0) > 0;
    if (input.type !== 'channel' && (input.enabled || wantsLinks || input.admission)) {
      const path = `/v1/rooms/${roomId}/guest-access`;
      await expectOk(
        await request({
          token: manager,
          method: 'PATCH',
          path,
          body: { enabled: true, admission: input.admission },
        }),
        'enable guest access',
      );
      for (const link of input.links ?? []) {
        const body = await expectOk(
          await request({ token: manager, method: 'POST', path: `/v1/rooms/${roomId}/links`, body: link }),
          'create link',
        );
        links.push(body);
      }
      if (!input.enabled) await request({ token: manager, method: 'PATCH', path, body: { enabled: false } });
    }
    if (input.modules) {
      await expectOk(
        await request({
          ...admin,
          method: 'PATCH',
          path: '/v1/admin/tenant',
          body: { modules: input.modules },
        }),
        'set modules',
      );
    }
    const token = input.perms
      ? await hostToken({
          ...created,
          tenantId: created.id,
          room: roomId,
          perms: input.perms,
          now: clock.now(),
        })
      : manager;
    await eventsDelivered();
    return {
      url: server.url,
      tenantId: created.id,
      apiKey: created.apiKey,
      signingSecret: created.signingSecret,
      roomId,
      hostToken: token,
      links,
      tokens: links.map((link) => new URL((link as { url: string }).url).pathname.split('/').pop() as string),
    };
  }

  let limited: Promise<TestApi> | undefined;
  let proxy: Promise<CuttingProxy> | undefined;
  const cuttingProxy = () => {
    proxy ??= startCuttingProxy(server.url);
    return proxy;
  };
  const commands: Record<string, (payload: Record<string, unknown>) => unknown> = {
    url: () => ({ url: server.url }),
    tenant: (payload) => tenant(payload as TenantInput),
    token: async (payload) => {
      const input = payload as unknown as Omit<TokenInput, 'signingSecret' | 'now'> & { raw?: object };
      const signingSecret = await signingSecretOf(input.tenantId);
      if (input.raw) return { token: await sign({ ...input.raw }, signingSecret, 'HS256') };
      return { token: await hostToken({ ...input, signingSecret, now: clock.now() }) };
    },
    call: (payload) => request(payload as unknown as CallInput),
    setup: (payload) => setup(payload as SetupInput),
    'advance-clock': (payload) => ({ now: clock.advance(Number(payload.ms ?? 0)) }),
    // A proxy in front of this server, started on first use: `proxy-cut` drops every connection through it.
    proxy: async () => ({ url: (await cuttingProxy()).url }),
    'proxy-cut': async (payload) => {
      (await cuttingProxy()).cut(Number(payload.refuseMs ?? 0));
      return {};
    },
    // A second server, started on first use, whose link routes allow 2 requests a minute per address
    // (rate limiting is off here, and set once per server): runs `payload.command` there.
    limited: async (payload) => {
      limited ??= startTestApi({ rateLimitPerMinute: 2 });
      return (await limited).command(
        String(payload.command),
        (payload.payload ?? {}) as Record<string, unknown>,
      );
    },
  };

  const api = {
    url: server.url,
    /** The server's database (`--db`), for tests that look at what is stored. */
    database: database.location,
    server,
    clock,
    request,
    tenant,
    setup,
    async command(name: string, payload: Record<string, unknown>) {
      const run = commands[name];
      if (!run) throw new Error(`unknown command ga:${name}`);
      return run(payload);
    },
    async close() {
      if (limited) await (await limited).close();
      if (proxy) await (await proxy).close();
      await server.close();
      await database.remove();
    },
  };
  return api satisfies TestApi;
}
