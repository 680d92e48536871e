// Shared steps of the API tests: a fresh server per test, and a small SSE reader.
import type { TestContext } from 'node:test';
import { type SetupInput, startTestApi } from '../support/api-fixture.ts';

export type Api = Awaited<ReturnType<typeof startTestApi>>;

/** A real server on its own temporary database, closed when the test ends. */
export async function freshApi(
  t: TestContext,
  options: Parameters<typeof startTestApi>[0] = {},
): Promise<Api> {
  const api = await startTestApi(options);
  t.after(() => api.close());
  return api;
}

export interface Room {
  api: Api;
  roomId: string;
  tenantId: string;
  apiKey: string;
  signingSecret: string;
  hostToken: string;
  tokens: string[];
  links: Array<{ id: string; url: string; uses: number; status: string; maxUses: number | null }>;
}

/** A tenant and a room with guest access on (unless told otherwise) and the given links. */
export async function roomWith(t: TestContext, input: SetupInput = {}, api?: Api): Promise<Room> {
  const server = api ?? (await freshApi(t));
  const setup = await server.setup({ enabled: true, ...input });
  return { api: server, ...setup, links: setup.links as Room['links'] };
}

export const redeem = (
  room: Room,
  token = room.tokens[0],
  body = { name: 'Grace', email: 'grace@example.com' },
) => room.api.request({ method: 'POST', path: `/v1/links/${token}/guests`, body });

export const host = (room: Room, method: string, path: string, body?: unknown, token = room.hostToken) =>
  room.api.request({ method, path: `/v1/rooms/${room.roomId}${path}`, token, body });

/** A new host token for the room, e.g. after the test clock moved past the first one's expiry. */
export const renewHostToken = async (room: Room, perms?: string[]) =>
  (
    (await room.api.command('token', { tenantId: room.tenantId, room: room.roomId, perms })) as {
      token: string;
    }
  ).token;

export const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

export interface EventReader {
  /** Resolves with the data of the next event of that name (skipping others), or rejects after timeoutMs. */
  next(event: string, timeoutMs?: number): Promise<unknown>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** The stream's response headers. */
  headers: Headers;
  close(): void;
}

export async function openEvents(url: string, token: string): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
  const queue: Array<{ event: string; data: unknown }> = [];
  let notify = () => {};
  let buffer = '';
  const ended = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
          queue.push({ event, data: data ? JSON.parse(data) : null });
          notify();
          boundary = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    ended,
    headers: response.headers,
    close: () => controller.abort(),
    async next(event, timeoutMs = 1000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex((item) => item.event === event);
        if (index >= 0) return queue.splice(index, 1)[0]?.data;
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`no "${event}" event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          notify = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
  };
}
