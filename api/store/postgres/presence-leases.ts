// Presence leases on PostgreSQL (see PresenceLeaseTable): the counts several instances add to, and take back
// from one that died. Reaping deletes the expired rows first, so two instances reaping at once subtract once.
import type { PresenceKind, PresenceLeaseTable } from '../contract.ts';
import { type Queryable, rowsOf } from './connect.ts';

const statements = {
  // The upsert takes the row's lock, and its RETURNING reads the latest committed count.
  hold: {
    name: 'presenceLeases.hold',
    text: `INSERT INTO presence_leases (instance, kind, key, count, expires_at) VALUES ($1, $2, $3, 0, $4)
      ON CONFLICT (instance, kind, key) DO UPDATE SET expires_at = excluded.expires_at RETURNING count`,
  },
  set: {
    name: 'presenceLeases.set',
    text: 'UPDATE presence_leases SET count = $4 WHERE instance = $1 AND kind = $2 AND key = $3',
  },
  drop: {
    name: 'presenceLeases.drop',
    text: 'DELETE FROM presence_leases WHERE instance = $1 AND kind = $2 AND key = $3',
  },
  renew: {
    name: 'presenceLeases.renew',
    text: 'UPDATE presence_leases SET expires_at = $2 WHERE instance = $1',
  },
  reap: {
    name: 'presenceLeases.reap',
    text: 'DELETE FROM presence_leases WHERE expires_at <= $1 RETURNING kind, key, count',
  },
  uncountGuest: {
    name: 'presenceLeases.uncountGuest',
    text: 'UPDATE guests SET connections = GREATEST(connections - $2, 0), last_seen_at = $3 WHERE id = $1',
  },
  uncountHost: {
    name: 'presenceLeases.uncountHost',
    text: 'UPDATE rooms SET hosts_online = GREATEST(hosts_online - $2, 0) WHERE pk = $1 RETURNING hosts_online',
  },
};

export function presenceLeaseTable(db: Queryable): PresenceLeaseTable {
  return {
    async hold(instance, kind, key, expiresAt) {
      const [row] = await rowsOf<{ count: number }>(db, statements.hold, [instance, kind, key, expiresAt]);
      return row?.count ?? 0;
    },
    async set(instance, kind, key, count) {
      if (count > 0) await rowsOf(db, statements.set, [instance, kind, key, count]);
      else await rowsOf(db, statements.drop, [instance, kind, key]);
    },
    async renew(instance, expiresAt) {
      await rowsOf(db, statements.renew, [instance, expiresAt]);
    },
    async reapExpired(now) {
      const guestIds: string[] = [];
      const rooms: Array<{ pk: number; hostsOnline: number }> = [];
      const expired = await rowsOf<{ kind: PresenceKind; key: string; count: number }>(db, statements.reap, [
        now,
      ]);
      for (const { kind, key, count } of expired) {
        if (kind === 'guest') {
          await rowsOf(db, statements.uncountGuest, [key, count, now]);
          guestIds.push(key);
        } else {
          const [row] = await rowsOf<{ hosts_online: number }>(db, statements.uncountHost, [
            Number(key),
            count,
          ]);
          if (row) rooms.push({ pk: Number(key), hostsOnline: row.hosts_online });
        }
      }
      return { guestIds, rooms };
    },
  };
}
