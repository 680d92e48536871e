// The rooms table on PostgreSQL: media entries registered by integrators, with their guest-access switch.
import type { RoomTable } from '../contract.ts';
import type { Admission, GuestAccess, Room, RoomType } from '../types.ts';
import { type Queryable, rowsOf } from './connect.ts';

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
  guest_access_enabled: boolean;
  admission: Admission;
  created_at: number;
  lobby_message: string | null;
  hosts_online: number;
}

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
  guestAccessEnabled: row.guest_access_enabled,
  admission: row.admission,
  createdAt: row.created_at,
  lobbyMessage: row.lobby_message,
  hostsOnline: row.hosts_online,
});

const statements = {
  // Re-registering a removed room makes it available again (its old links were deleted with it).
  put: {
    name: 'rooms.put',
    text: `INSERT INTO rooms (tenant_id, id, title, type, starts_at, ends_at, time_zone, join_url, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, type = excluded.type,
        starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone,
        join_url = excluded.join_url, removed_at = NULL
      RETURNING *`,
  },
  get: { name: 'rooms.get', text: 'SELECT * FROM rooms WHERE tenant_id = $1 AND id = $2' },
  // COLLATE "C": the same byte order as SQLite's, so both engines list alike.
  listOfTenant: {
    name: 'rooms.listOfTenant',
    text: 'SELECT * FROM rooms WHERE tenant_id = $1 ORDER BY id COLLATE "C"',
  },
  lockByPk: { name: 'rooms.lockByPk', text: 'SELECT * FROM rooms WHERE pk = $1 FOR UPDATE' },
  byPk: { name: 'rooms.byPk', text: 'SELECT * FROM rooms WHERE pk = $1' },
  // Removal keeps the row, so guests and unavailable links can still name the room's title and schedule.
  remove: {
    name: 'rooms.remove',
    text: 'UPDATE rooms SET removed_at = $2 WHERE pk = $1 AND removed_at IS NULL',
  },
  // Fields left out keep their stored value, read by the UPDATE itself under the row lock: two hosts changing
  // different fields at once never undo each other's change.
  setGuestAccess: {
    name: 'rooms.setGuestAccess',
    text: `UPDATE rooms SET guest_access_enabled = COALESCE($2::boolean, guest_access_enabled),
        admission = COALESCE($3::text, admission),
        lobby_message = CASE WHEN $4::boolean THEN lobby_message ELSE $5::text END
      WHERE pk = $1
      RETURNING guest_access_enabled AS enabled, admission, lobby_message AS "lobbyMessage"`,
  },
  countHost: {
    name: 'rooms.countHost',
    text: 'UPDATE rooms SET hosts_online = GREATEST(hosts_online + $2, 0) WHERE pk = $1 RETURNING hosts_online',
  },
};

export function roomTable(db: Queryable): RoomTable {
  const one = (rows: RoomRow[]) => rows[0] && toRoom(rows[0]);
  return {
    put: (tenantId, id, fields, now) =>
      rowsOf<RoomRow>(db, statements.put, [
        tenantId,
        id,
        fields.title,
        fields.type,
        fields.startsAt,
        fields.endsAt,
        fields.timeZone,
        fields.joinUrl,
        now,
      ]).then((rows) => toRoom(rows[0] as RoomRow)),

    get: (tenantId, id) => rowsOf<RoomRow>(db, statements.get, [tenantId, id]).then(one),

    listOfTenant: (tenantId) =>
      rowsOf<RoomRow>(db, statements.listOfTenant, [tenantId]).then((rows) => rows.map(toRoom)),

    lockByPk: (pk) => rowsOf<RoomRow>(db, statements.lockByPk, [pk]).then(one),
    byPk: (pk) => rowsOf<RoomRow>(db, statements.byPk, [pk]).then(one),

    async remove(room, now) {
      await rowsOf(db, statements.remove, [room.pk, now]);
    },

    async setGuestAccess(room, change) {
      const [row] = await rowsOf<GuestAccess>(db, statements.setGuestAccess, [
        room.pk,
        change.enabled ?? null,
        change.admission ?? null,
        change.lobbyMessage === undefined,
        change.lobbyMessage ?? null,
      ]);
      if (!row) throw new Error(`No room with pk ${room.pk}`);
      return row;
    },

    async countHost(pk, delta) {
      const [row] = await rowsOf<{ hosts_online: number }>(db, statements.countHost, [pk, delta]);
      return row?.hosts_online ?? 0;
    },
  };
}
