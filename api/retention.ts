// Retention: past GUEST_ACCESS_RETENTION_DAYS a guest's name and email are erased (the row stays, so counts
// and the history's shape do), by a sweep that runs at start and then every hour until the server closes.
// An erasure request for one person (DELETE /v1/admin/guests?email=…) goes through `eraseGuestsByEmail`.
import type { Clock } from './context.ts';
import type { Logger } from './logging.ts';
import type { Store } from './store/contract.ts';

export const DEFAULT_RETENTION_DAYS = 90;
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rows a retention transaction erases at most. A backlog (retention first run over years of guests) goes in
 * many short transactions rather than one: none holds SQLite's write lock for long, and none outlasts
 * PostgreSQL's statement timeout, which would roll it all back at every sweep.
 */
const RETENTION_BATCH = 5_000;

type Tx = Parameters<Parameters<Store['transaction']>[0]>[0];

/**
 * Runs `batch` in one transaction after another while it says there is `more`, then leaves no copy in the
 * database's files where the engine can.
 */
async function erase(store: Store, batch: (tx: Tx) => Promise<{ erased: number; more: boolean }>) {
  let erased = 0;
  for (let more = true; more; ) {
    const done = await store.transaction(batch);
    erased += done.erased;
    more = done.more;
  }
  if (erased > 0) await store.purgeErased();
  return erased;
}

/** Erases the name and email of every guest who arrived over `retentionDays` ago, `batch` at a time; how many. */
export const eraseExpiredGuests = (
  store: Store,
  now: number,
  retentionDays: number,
  batch = RETENTION_BATCH,
) =>
  erase(store, async (tx) => {
    const before = now - retentionDays * DAY_MS;
    // Webhook payloads name guests too; past retention they go with the names.
    const deliveries = await tx.webhooks.deleteCreatedBefore(before, batch);
    const erased = await tx.guests.eraseCreatedBefore(before, now, batch);
    return { erased, more: deliveries === batch || erased === batch };
  });

/** Erases one person's name and email from every guest record of the tenant; how many records. */
export const eraseGuestsByEmail = (store: Store, tenantId: string, email: string, now: number) =>
  erase(store, async (tx) => {
    await tx.webhooks.eraseGuest(tenantId, email);
    return { erased: await tx.guests.eraseByEmail(tenantId, email, now), more: false };
  });

/** Starts the sweep; `stop` ends it, waiting for a sweep under way (so the store can close after). */
export function startRetention(options: {
  store: Store;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  intervalMs?: number;
}) {
  const { store, clock, logger, retentionDays } = options;
  let running: Promise<void> | undefined;
  const sweep = () => {
    // A sweep still under way (a slow database) is not doubled.
    running ??= eraseExpiredGuests(store, clock.now(), retentionDays)
      .then((erased) => {
        if (erased > 0) logger.info({ erased, retentionDays }, 'erased guests past retention');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'retention sweep failed; the next one retries'))
      .finally(() => {
        running = undefined;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs ?? RETENTION_SWEEP_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
