// What a benchmark needs before it measures: a temporary folder for its database files, and a tenant with a
// room and links, set up through the product's own code (createTenant, the admin and host routes in-process)
// on the database file the server child will then open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from 'hono/jwt';
import { createApp } from '../../api/app.ts';
import { ALL_PERMISSIONS, createTenant } from '../../api/auth.ts';
import { createDeps } from '../../api/context.ts';
import { openStoreWithSecret } from '../../api/server.ts';
import type { Admission } from '../../api/store/types.ts';

/** Given to every server child, so tokens minted here are valid there. */
export const SERVER_SECRET = 'bench-server-secret-not-for-production-use';

export interface TempFolder {
  path: string;
  file(name: string): string;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const path = mkdtempSync(join(tmpdir(), 'guest-access-bench-'));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export interface SeededRoom {
  roomId: string;
  hostToken: string;
  links: Array<{ id: string; token: string }>;
}

export interface RoomOptions {
  admission?: Admission;
  /** `maxUses` omitted = unlimited. At most 3 (rule 1). */
  links?: Array<{ maxUses?: number }>;
}

export async function seedRoom(dbFile: string, options: RoomOptions = {}): Promise<SeededRoom> {
  const { store, serverSecret } = await openStoreWithSecret(dbFile, { serverSecret: SERVER_SECRET });
  const deps = createDeps({ store, config: { serverSecret, rateLimitPerMinute: 0 } });
  try {
    const app = createApp(deps);
    const created = await createTenant(
      deps.store,
      deps.config.serverSecret,
      { name: 'Bench tenant' },
      Date.now(),
    );
    const roomId = 'bench-room';
    const hostToken = await sign(
      {
        iss: created.tenant.id,
        sub: 'bench-host',
        room: roomId,
        perms: ALL_PERMISSIONS,
        exp: Math.floor(Date.now() / 1000) + 3600,
      },
      created.signingSecret,
      'HS256',
    );
    const call = async (method: string, path: string, token: string, body: unknown) => {
      const response = await app.request(`http://bench.invalid${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    await call('PUT', `/v1/admin/rooms/${roomId}`, created.apiKey, {
      title: 'Make your next event a next-level event',
      type: 'room',
      startsAt: '2026-06-12T14:00:00.000Z',
      endsAt: '2026-06-12T14:45:00.000Z',
      timeZone: 'America/New_York',
      joinUrl: 'https://media.example/room',
    });
    await call('PATCH', `/v1/rooms/${roomId}/guest-access`, hostToken, {
      enabled: true,
      admission: options.admission ?? 'auto',
    });
    const links = [];
    for (const [index, link] of (options.links ?? [{}]).entries()) {
      const view = await call('POST', `/v1/rooms/${roomId}/links`, hostToken, {
        name: `Bench ${index + 1}`,
        ...link,
      });
      links.push({
        id: String(view.id),
        token: new URL(String(view.url)).pathname.split('/').pop() as string,
      });
    }
    return { roomId, hostToken, links };
  } finally {
    deps.events.close(); // stops presence's lease timer, which would otherwise run on a closed store
    await store.close();
  }
}
