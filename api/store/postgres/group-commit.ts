// Group commit on PostgreSQL: transactions on one key (a link) take turns on its row lock, each holding it
// through its COMMIT. Calls with the same key that arrive while one group runs share the next transaction
// instead, each in a savepoint so that a refused or failing one rolls back alone; one COMMIT answers them all.
// Only calls with one key share a transaction: one link's row lock per transaction, as without grouping, so
// groups on different instances cannot deadlock on each other's rows.

/** At most this many calls share one transaction (the row lock is held until the last of them is done). */
export const MAX_GROUP = 64;

interface Pending<Tx> {
  fn: (tx: Tx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function groupCommit<Tx>(
  transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  /** Runs a statement without parameters in `tx`'s transaction. */
  run: (tx: Tx, sql: string) => Promise<unknown>,
) {
  const queues = new Map<string, Array<Pending<Tx>>>();

  async function runGroup(group: Array<Pending<Tx>>) {
    const outcomes: Outcome[] = [];
    try {
      await transaction(async (tx) => {
        await run(tx, 'SAVEPOINT grouped');
        for (const [index, item] of group.entries()) {
          const outcome: Outcome = await item.fn(tx).then(
            (value) => ({ ok: true, value }),
            (error: unknown) => ({ ok: false, error }),
          );
          outcomes.push(outcome);
          // The savepoint stays set after a rollback to it; a success releases it and sets it again for the
          // next call, in one round trip. A failure here (the connection lost) fails the whole group.
          if (!outcome.ok) await run(tx, 'ROLLBACK TO SAVEPOINT grouped');
          else if (index < group.length - 1) await run(tx, 'RELEASE SAVEPOINT grouped; SAVEPOINT grouped');
        }
      });
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  async function drain(key: string, queue: Array<Pending<Tx>>) {
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP);
      // One call alone needs no savepoint: its failure rolls back the transaction, which holds only it.
      if (group.length === 1) {
        const [item] = group as [Pending<Tx>];
        await transaction(item.fn).then(item.resolve, item.reject);
      } else await runGroup(group);
    }
    queues.delete(key);
  }

  return <T>(fn: (tx: Tx) => Promise<T>, key = '') =>
    new Promise<T>((resolve, reject) => {
      const item = { fn, resolve: resolve as (value: unknown) => void, reject };
      const queue = queues.get(key);
      if (queue) {
        queue.push(item);
        return;
      }
      const started = [item];
      queues.set(key, started);
      // The calls of this event-loop turn join the first group.
      setImmediate(() => void drain(key, started));
    });
}
