// The rooms table: media entries registered by integrators, with their guest-access switch and policy.
import type { Admission, Room, RoomFields, RoomType } from '../types.ts';
import { type Db, jsonObject } from './db.ts';

export interface RoomRow {
  pk: number;
  tenant_id: string;
  id: string;
  title: string;
  type: RoomType;
  starts_at: number | null;
  ends_at: number | null;
  time_zone: string | null;
  join_url: string | null;
  removed_at: number | null;
  guest_access_enabled: number;
  admission: Admission;
  created_at: number;
}

/** Every column of the rooms table, in table order. */
const ROOM_COLUMNS = [
  'pk',
  'tenant_id',
  'id',
  'title',
  'type',
  'starts_at',
  'ends_at',
  'time_zone',
  'join_url',
  'removed_at',
  'guest_access_enabled',
  'admission',
  'created_at',
] as const;

/** A RoomRow as one JSON object, for joins (`r` is the rooms table). */
export const ROOM_JSON = jsonObject('r', ROOM_COLUMNS);

export const toRoom = (row: RoomRow): Room => ({
  pk: row.pk,
  tenantId: row.tenant_id,
  id: row.id,
  title: row.title,
  type: row.type,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  timeZone: row.time_zone,
  joinUrl: row.join_url,
  removedAt: row.removed_at,
  guestAccessEnabled: row.guest_access_enabled === 1,
  admission: row.admission,
  createdAt: row.created_at,
});

export function createRoomStore(db: Db) {
  const statements = {
    // Re-registering a removed room makes it available again (its old links were deleted with it).
    upsert: db.prepare(
      `INSERT INTO rooms (tenant_id, id, title, type, starts_at, ends_at, time_zone, join_url, created_at)
       VALUES (@tenantId, @id, @title, @type, @startsAt, @endsAt, @timeZone, @joinUrl, @now)
       ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, type = excluded.type,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone,
         join_url = excluded.join_url, removed_at = NULL`,
    ),
    get: db.prepare<[string, string], RoomRow>('SELECT * FROM rooms WHERE tenant_id = ? AND id = ?'),
    byPk: db.prepare<[number], RoomRow>('SELECT * FROM rooms WHERE pk = ?'),
    ofTenant: db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE tenant_id = ? ORDER BY id'),
    remove: db.prepare('UPDATE rooms SET removed_at = ? WHERE pk = ? AND removed_at IS NULL'),
    // Fields left out keep their stored value, read under the write lock: two hosts changing different
    // fields at once never undo each other's change.
    setGuestAccess: db.prepare<
      [number | null, Admission | null, number],
      { enabled: number; admission: Admission }
    >(
      `UPDATE rooms SET guest_access_enabled = COALESCE(?, guest_access_enabled), admission = COALESCE(?, admission)
       WHERE pk = ? RETURNING guest_access_enabled AS enabled, admission`,
    ),
  };

  return {
    put(tenantId: string, id: string, fields: RoomFields, now: number): Room {
      statements.upsert.run({ tenantId, id, ...fields, now });
      return toRoom(statements.get.get(tenantId, id) as RoomRow);
    },

    get(tenantId: string, id: string): Room | undefined {
      const row = statements.get.get(tenantId, id);
      return row && toRoom(row);
    },

    listOfTenant(tenantId: string): Room[] {
      return statements.ofTenant.all(tenantId).map(toRoom);
    },

    /** `byPk`: a write transaction here holds the database's one write lock already. */
    lockByPk(pk: number): Room | undefined {
      const row = statements.byPk.get(pk);
      return row && toRoom(row);
    },

    /** Removal keeps the row, so guests and unavailable links can still name the room's title and schedule. */
    remove(room: Room, now: number): void {
      statements.remove.run(now, room.pk);
    },

    /** Changes the switch and/or the policy; returns both as stored now. */
    setGuestAccess(room: Room, change: { enabled?: boolean; admission?: Admission }) {
      const enabled = change.enabled === undefined ? null : change.enabled ? 1 : 0;
      const row = statements.setGuestAccess.get(enabled, change.admission ?? null, room.pk) as {
        enabled: number;
        admission: Admission;
      };
      return { enabled: row.enabled === 1, admission: row.admission };
    },
  };
}
