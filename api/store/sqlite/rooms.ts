// The rooms table: media entries registered by integrators, with their guest-access switch and policy.
import type { Admission, GuestAccess, GuestAccessChange, Room, RoomFields, RoomType } from '../types.ts';
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
  lobby_message: string | null;
  hosts_online: number;
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
  'lobby_message',
  'hosts_online',
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
  lobbyMessage: row.lobby_message,
  hostsOnline: row.hosts_online,
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
    // A null message clears it; `keepMessage` tells "not sent" from null.
    setGuestAccess: db.prepare<
      {
        enabled: number | null;
        admission: Admission | null;
        keepMessage: number;
        message: string | null;
        pk: number;
      },
      { enabled: number; admission: Admission; lobbyMessage: string | null }
    >(
      `UPDATE rooms SET guest_access_enabled = COALESCE(@enabled, guest_access_enabled),
         admission = COALESCE(@admission, admission),
         lobby_message = CASE WHEN @keepMessage = 1 THEN lobby_message ELSE @message END
       WHERE pk = @pk RETURNING guest_access_enabled AS enabled, admission, lobby_message AS lobbyMessage`,
    ),
    countHost: db
      .prepare<[number, number], number>(
        'UPDATE rooms SET hosts_online = MAX(hosts_online + ?, 0) WHERE pk = ? RETURNING hosts_online',
      )
      .pluck(),
  };

  const byPk = (pk: number): Room | undefined => {
    const row = statements.byPk.get(pk);
    return row && toRoom(row);
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

    byPk,
    /** `byPk`: a write transaction here holds the database's one write lock already. */
    lockByPk: byPk,

    /** Removal keeps the row, so guests and unavailable links can still name the room's title and schedule. */
    remove(room: Room, now: number): void {
      statements.remove.run(now, room.pk);
    },

    /** Changes the switch, the policy and/or the lobby message; returns them as stored now. */
    setGuestAccess(room: Room, change: GuestAccessChange): GuestAccess {
      const row = statements.setGuestAccess.get({
        enabled: change.enabled === undefined ? null : change.enabled ? 1 : 0,
        admission: change.admission ?? null,
        keepMessage: change.lobbyMessage === undefined ? 1 : 0,
        message: change.lobbyMessage ?? null,
        pk: room.pk,
      }) as { enabled: number; admission: Admission; lobbyMessage: string | null };
      return { enabled: row.enabled === 1, admission: row.admission, lobbyMessage: row.lobbyMessage };
    },

    countHost(pk: number, delta: number): number {
      return statements.countHost.get(delta, pk) ?? 0;
    },
  };
}
