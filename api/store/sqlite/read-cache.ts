// Rows read on nearly every request and written rarely (a link with its room and tenant, a tenant with its
// sealed secrets, a room), kept while the database is unchanged: a SQLite statement pays for its locking
// however small it is, and the link page and host list each read two or three of these.
// Unchanged means: no write on this connection (`total_changes()`, checked before every use, costs no lock)
// and no commit by another process (`PRAGMA data_version`, read once per event-loop turn, so a request sees
// other processes' commits made before its turn began, as if it had arrived a moment earlier).
import type { Db } from './db.ts';

/** Emptied whenever it reaches this many entries: a bound, not an eviction policy. */
const MAX_ENTRIES = 10_000;

export interface ReadCache {
  /** `read`, answered from the cache while the database is unchanged; `key` names the row it reads. */
  cached<Args extends unknown[], Row>(
    name: string,
    read: (...args: Args) => Row,
    key: (...args: Args) => string,
  ): (...args: Args) => Row;
}

export function createReadCache(db: Db): ReadCache {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  const rows = new Map<string, unknown>();
  let seenVersion = -1;
  let seenChanges = -1;
  let checkedThisTurn = false;
  const allowNextCheck = () => {
    checkedThisTurn = false;
  };

  const dropIfChanged = () => {
    if (!checkedThisTurn) {
      checkedThisTurn = true;
      setImmediate(allowNextCheck).unref();
      const version = dataVersion.get() as number;
      if (version !== seenVersion) {
        seenVersion = version;
        rows.clear();
      }
    }
    const changes = totalChanges.get() as number;
    if (changes !== seenChanges) {
      seenChanges = changes;
      rows.clear();
    }
  };

  return {
    cached:
      (name, read, key) =>
      (...args) => {
        dropIfChanged();
        const id = `${name}\0${key(...args)}`;
        if (rows.has(id)) return rows.get(id) as ReturnType<typeof read>;
        // Frozen: every later request gets this same object, so nobody may change it in place.
        const row = deepFreeze(read(...args));
        if (rows.size >= MAX_ENTRIES) rows.clear();
        rows.set(id, row);
        return row;
      },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !Buffer.isBuffer(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
