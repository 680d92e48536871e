// Presence leases on SQLite (see PresenceLeaseTable): one process usually, but a killed one leaves its counts.
import type { PresenceKind } from '../contract.ts';
import type { Db } from './db.ts';

interface LeaseRow {
  kind: PresenceKind;
  key: string;
  count: number;
}

export function createPresenceLeaseStore(db: Db) {
  const statements = {
    hold: db
      .prepare<[string, PresenceKind, string, number], number>(
        `INSERT INTO presence_leases (instance, kind, key, count, expires_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT (instance, kind, key) DO UPDATE SET expires_at = excluded.expires_at RETURNING count`,
      )
      .pluck(),
    set: db.prepare('UPDATE presence_leases SET count = ? WHERE instance = ? AND kind = ? AND key = ?'),
    drop: db.prepare('DELETE FROM presence_leases WHERE instance = ? AND kind = ? AND key = ?'),
    renew: db.prepare('UPDATE presence_leases SET expires_at = ? WHERE instance = ?'),
    reap: db.prepare<[number], LeaseRow>(
      'DELETE FROM presence_leases WHERE expires_at <= ? RETURNING kind, key, count',
    ),
    uncountGuest: db.prepare(
      'UPDATE guests SET connections = MAX(connections - ?, 0), last_seen_at = ? WHERE id = ?',
    ),
    uncountHost: db
      .prepare<[number, number], number>(
        'UPDATE rooms SET hosts_online = MAX(hosts_online - ?, 0) WHERE pk = ? RETURNING hosts_online',
      )
      .pluck(),
  };
  return {
    hold(instance: string, kind: PresenceKind, key: string, expiresAt: number): number {
      return statements.hold.get(instance, kind, key, expiresAt) ?? 0;
    },
    set(instance: string, kind: PresenceKind, key: string, count: number): void {
      if (count > 0) statements.set.run(count, instance, kind, key);
      else statements.drop.run(instance, kind, key);
    },
    renew(instance: string, expiresAt: number): void {
      statements.renew.run(expiresAt, instance);
    },
    reapExpired(now: number) {
      const guestIds: string[] = [];
      const rooms: Array<{ pk: number; hostsOnline: number }> = [];
      for (const { kind, key, count } of statements.reap.all(now)) {
        if (kind === 'guest') {
          statements.uncountGuest.run(count, now, key);
          guestIds.push(key);
        } else {
          const hostsOnline = statements.uncountHost.get(count, Number(key));
          if (hostsOnline !== undefined) rooms.push({ pk: Number(key), hostsOnline });
        }
      }
      return { guestIds, rooms };
    },
  };
}
