// How many event streams may be open at once: per guest session, per host (tenant, user, room), per client
// address, and in all. A stream holds a socket (a file descriptor) for as long as it lives, so without caps
// one session could take every descriptor and leave none for /healthz or ordinary requests.
import { readFileSync } from 'node:fs';
import { ApiError } from './errors.ts';
import type { SharedCounters } from './store/contract.ts';

export interface StreamSlotKey {
  key: string;
  cap: number;
}

/**
 * Counters behind the caps: in process for one instance, in the shared database for several (a client must
 * not multiply its allowance by the number of instances), behind the same interface.
 */
export interface StreamSlots {
  /** One slot under every key, or none at all when one key is at its cap; the release frees them once. */
  acquire(keys: readonly StreamSlotKey[]): Promise<(() => void) | undefined>;
  /** Open slots under a key (for tests and leak checks). */
  count(key: string): Promise<number>;
}

export function createStreamSlots(): StreamSlots {
  const counts = new Map<string, number>();
  const count = (key: string) => counts.get(key) ?? 0;
  return {
    count: async (key) => count(key),
    async acquire(keys) {
      if (keys.some(({ key, cap }) => count(key) >= cap)) return undefined;
      for (const { key } of keys) counts.set(key, count(key) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const { key } of keys) {
          const left = count(key) - 1;
          if (left > 0) counts.set(key, left);
          else counts.delete(key);
        }
      };
    },
  };
}

/** The key of the total cap: this process's own descriptors, so counted in process whatever the engine. */
const PROCESS_KEY = 'all';

/**
 * Slots counted where every instance sees them (`counters`), but for the process's own total, which guards
 * this process's descriptors.
 */
export function createSharedStreamSlots(counters: SharedCounters, clock: { now(): number }): StreamSlots {
  const local = createStreamSlots();
  return {
    count: (key) => (key === PROCESS_KEY ? local.count(key) : counters.countSlots(key, clock.now())),
    async acquire(keys) {
      const releaseLocal = await local.acquire(keys.filter(({ key }) => key === PROCESS_KEY));
      if (!releaseLocal) return undefined;
      const id = await counters
        .acquireSlot(
          keys.filter(({ key }) => key !== PROCESS_KEY),
          clock.now(),
        )
        .catch((error: unknown) => {
          releaseLocal();
          throw error;
        });
      if (id === undefined) {
        releaseLocal();
        return undefined;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        releaseLocal();
        // A release that fails (the database away) runs out with its lease.
        counters.releaseSlot(id).catch(() => {});
      };
    },
  };
}

/** Descriptors kept free of streams: the database files, the listening socket, and ordinary requests. */
export const STREAM_FD_RESERVE = 128;
/** The open-files limit assumed where /proc/self/limits cannot be read (Node's usual default elsewhere). */
const FALLBACK_OPEN_FILES = 1024;
/** What a refused client is told to wait: about as long as a closed stream takes to be noticed. */
export const STREAM_RETRY_AFTER_SECONDS = 10;

/** The soft "Max open files" limit from the text of /proc/self/limits, or undefined when absent/unlimited. */
export function openFilesLimit(limitsText: string): number | undefined {
  const soft = /^Max open files\s+(\d+)/m.exec(limitsText)?.[1];
  return soft === undefined ? undefined : Number(soft);
}

/** Streams allowed in all: the process's open-files limit less the reserve (at least one). */
export function totalStreamCap(openFiles: number | undefined): number {
  return Math.max(1, (openFiles ?? FALLBACK_OPEN_FILES) - STREAM_FD_RESERVE);
}

/** The total cap for this process (Linux reports its limits in /proc; elsewhere the fallback). */
export function processStreamCap(): number {
  let text = '';
  try {
    text = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    // not Linux: the fallback applies
  }
  return totalStreamCap(openFilesLimit(text));
}

/** Takes a slot under every key or refuses with 429 `rate_limited` and Retry-After. */
export async function takeStreamSlot(
  slots: StreamSlots,
  keys: readonly StreamSlotKey[],
): Promise<() => void> {
  const release = await slots.acquire(keys);
  if (release) return release;
  throw new ApiError(
    'rate_limited',
    429,
    'Too many event streams are open; close one or try again shortly.',
    undefined,
    undefined,
    { 'Retry-After': String(STREAM_RETRY_AFTER_SECONDS) },
  );
}

/** Concurrent event streams allowed (part of AppConfig); one more is refused with 429. */
export interface StreamCaps {
  maxStreamsPerGuestSession: number;
  /** Per host token identity: tenant, user (`sub`) and room. */
  maxStreamsPerHost: number;
  /** Per client address (an IPv6 client per /64, as the rate limits count). */
  maxStreamsPerAddress: number;
  /** In all; by default the open-files limit less a reserve, so ordinary requests always get a socket. */
  maxStreams: number;
}

const shared = (caps: StreamCaps, address: string): StreamSlotKey[] => [
  { key: `address:${address}`, cap: caps.maxStreamsPerAddress },
  { key: PROCESS_KEY, cap: caps.maxStreams },
];

export const guestStreamKeys = (caps: StreamCaps, address: string, guestId: string) => [
  { key: `guest:${guestId}`, cap: caps.maxStreamsPerGuestSession },
  ...shared(caps, address),
];

/** A host is the token's tenant, user and room together. */
export const hostStreamKeys = (
  caps: StreamCaps,
  address: string,
  host: { tenantId: string; userId: string; roomId: string },
) => [
  { key: `host:${JSON.stringify([host.tenantId, host.userId, host.roomId])}`, cap: caps.maxStreamsPerHost },
  ...shared(caps, address),
];
