// The event bus across API instances: PostgreSQL LISTEN/NOTIFY on one channel. NOTIFY reaches every
// listening session, this instance's own included, so publishing never also delivers locally.
import type pg from 'pg';
import { type Logger, silentLogger } from '../logging.ts';
import {
  connectionConfig,
  createPool,
  GuardedClient,
  type PoolOptions,
  rethrowUnavailable,
} from '../store/postgres/connect.ts';
import type { BusMessage, EventBus } from './contract.ts';
import { listenerSet } from './listeners.ts';

export const BUS_CHANNEL = 'guest_access_events';

/** NOTIFY refuses payloads of 8,000 bytes or more; the margin keeps clear of that limit. */
export const MAX_PAYLOAD_BYTES = 7_500;

/**
 * Waits between attempts to listen again: quick at first, then every second (a refused connection costs
 * little), because the instance refuses new streams until it listens.
 */
const retryDelay = (attempt: number) => Math.min(100 * 2 ** attempt, 1_000);

/**
 * How often the listening connection is checked, and how long an answer (to that check, or to a publish) may
 * take before its connection counts as lost.
 */
export interface Liveness {
  everyMs: number;
  timeoutMs: number;
}

const LIVENESS: Liveness = { everyMs: 30_000, timeoutMs: 10_000 };

/** The NOTIFY payload of a message; one too large becomes a `resync` of its topic and key (receivers re-read). */
export function busPayload(message: BusMessage): string {
  const json = JSON.stringify(message);
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return json;
  return JSON.stringify({ topic: message.topic, key: message.key, event: 'resync', data: null });
}

/**
 * Connects and starts listening; resolves once LISTEN is active, so nothing published after it is missed.
 * When the listening connection is lost, or stops answering, it listens again (retrying with backoff), then
 * calls `onResync`.
 */
export async function createPostgresBus(
  url: string,
  options: { logger?: Logger; pool?: PoolOptions; liveness?: Liveness } = {},
): Promise<EventBus> {
  const { logger = silentLogger(), liveness = LIVENESS } = options;
  // One connection publishes; the listening one is a client of its own, outside the pool.
  const pool = createPool(url, { max: 1, ...options.pool });
  const subscribers = listenerSet<[BusMessage]>(logger);
  const resyncs = listenerSet<[]>(logger);
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const deliver = ({ payload }: pg.Notification) => {
    let message: BusMessage;
    try {
      message = JSON.parse(payload ?? '');
    } catch {
      logger.error({ channel: BUS_CHANNEL }, 'ignored an unreadable bus message');
      return;
    }
    subscribers.call(message);
  };

  async function listen(): Promise<pg.Client> {
    // A lost connection emits 'error' (heard by GuardedClient itself) and then 'end'; 'end' (added once
    // listening) starts the retry.
    const client = new GuardedClient(connectionConfig(url));
    client.on('notification', deliver);
    try {
      await client.connect();
      await client.query(`LISTEN ${BUS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    // A connection that a NAT or a load balancer forgot fails silently, and a listener only waits: a query now
    // and then keeps it in use, and one left unanswered ends it, so listening starts over and streams resync.
    const check = setInterval(() => {
      const unanswered = setTimeout(() => void client.end().catch(() => {}), liveness.timeoutMs);
      client.query('SELECT 1').then(
        () => clearTimeout(unanswered),
        () => clearTimeout(unanswered), // the connection failed: its 'end' starts the retry
      );
    }, liveness.everyMs);
    check.unref();
    client.once('end', () => {
      clearInterval(check);
      if (!closed) relisten(0);
    });
    return client;
  }

  let reconnecting: Promise<void> | undefined;
  function relisten(attempt: number) {
    listener = undefined;
    retry = setTimeout(() => {
      reconnecting = reconnect(attempt);
    }, retryDelay(attempt));
  }
  async function reconnect(attempt: number) {
    try {
      const client = await listen();
      if (closed) await client.end();
      else {
        listener = client;
        resyncs.call();
      }
    } catch {
      if (!closed) relisten(attempt + 1);
    }
  }

  listener = await listen().catch(async (error: unknown) => {
    await pool.end();
    return rethrowUnavailable(error);
  });

  return {
    crossesInstances: true,
    get listening() {
      return listener !== undefined;
    },
    async publish(message) {
      const notify = {
        name: 'bus.publish',
        text: 'SELECT pg_notify($1, $2)',
        values: [BUS_CHANNEL, busPayload(message)],
        // Unanswered (a connection gone silent), it would hold the one publishing connection and every message
        // after it: it fails instead, and the pool drops that connection.
        query_timeout: liveness.timeoutMs,
      };
      // Once more on a fresh connection: the change is committed, and a message lost is an event nobody sees.
      await pool
        .query(notify)
        .catch(() => pool.query(notify))
        .catch(rethrowUnavailable);
    },
    subscribe: subscribers.add,
    onResync: resyncs.add,
    async close() {
      closed = true;
      clearTimeout(retry);
      subscribers.clear();
      resyncs.clear();
      await reconnecting;
      await Promise.all([listener?.end(), pool.end()]);
    },
  };
}
