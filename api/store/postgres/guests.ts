// The guests table on PostgreSQL: people who redeemed a link, their lobby status and their session's hash.
import { DuplicateKeyError, type GuestTable, PAGE_SIZE } from '../contract.ts';
import { decodeGuestCursor, encodeGuestCursor, type GuestCursor } from '../guest-cursor.ts';
import { GUEST_COLUMNS, type GuestRow, insertedGuest, toGuest, withStatus } from '../guest-row.ts';
import type { Guest } from '../types.ts';
import { changesOf, type Queryable, rowsOf, type Statement } from './connect.ts';

const SELECT = `SELECT ${GUEST_COLUMNS} FROM guests g JOIN links l ON l.id = g.link_id`;

/**
 * A page of a room's guests, newest first: keyset paging on (created_at, id), so a page costs the same however
 * deep it is and guests arriving meanwhile neither repeat nor skip. One named statement per shape of query
 * (by status, by link, after a cursor), so each keeps a plan fitted to it.
 */
function listing(byStatus: boolean, byLink: boolean, paged: boolean): Statement {
  const conditions = ['g.room_pk = $1'];
  if (byStatus) conditions.push(`g.status = $${conditions.length + 1}`);
  if (byLink) conditions.push(`g.link_id = $${conditions.length + 1}`);
  if (paged) conditions.push(`(g.created_at, g.id) < ($${conditions.length + 1}, $${conditions.length + 2})`);
  const limit = `$${conditions.length + (paged ? 2 : 1)}`;
  return {
    name: `guests.pageOfRoom.${byStatus ? 'status' : 'all'}.${byLink ? 'link' : 'room'}.${paged ? 'after' : 'first'}`,
    text: `${SELECT} WHERE ${conditions.join(' AND ')} ORDER BY g.created_at DESC, g.id DESC LIMIT ${limit}`,
  };
}

/** Who may be erased, and what erasing leaves: the row, without the name and email. */
const ERASE = "UPDATE guests SET name = '', email = '', erased_at = $1 WHERE erased_at IS NULL";

const UNIQUE_VIOLATION = '23505';

const statements = {
  insert: {
    name: 'guests.insert',
    text: `INSERT INTO guests (id, room_pk, link_id, name, email, status, session_hash, idempotency_key, created_at,
        decided_at, waiting_since, admitted_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
  },
  get: { name: 'guests.get', text: `${SELECT} WHERE g.id = $1` },
  lock: { name: 'guests.lock', text: `${SELECT} WHERE g.id = $1 FOR UPDATE OF g` },
  bySessionHash: { name: 'guests.bySessionHash', text: `${SELECT} WHERE g.session_hash = $1` },
  byIdempotencyKey: {
    name: 'guests.byIdempotencyKey',
    text: `${SELECT} WHERE g.link_id = $1 AND g.idempotency_key = $2`,
  },
  setStatus: {
    name: 'guests.setStatus',
    text: `UPDATE guests SET status = $2, decided_at = $3, decided_by = $4, waiting_since = NULL,
        admitted_at = CASE WHEN $2 = 'admitted' THEN $3 ELSE admitted_at END,
        left_at = CASE WHEN $2 IN ('left', 'removed') THEN $3 ELSE left_at END
      WHERE id = $1`,
  },
  removeOfLink: {
    name: 'guests.removeOfLink',
    text: `WITH removed AS (
        UPDATE guests SET status = 'removed', decided_at = $2, decided_by = $3, left_at = $2, waiting_since = NULL
        WHERE link_id = $1 AND status IN ('waiting', 'admitted')
        RETURNING *)
      SELECT ${GUEST_COLUMNS} FROM removed g JOIN links l ON l.id = g.link_id
      ORDER BY g.created_at, g.id`,
  },
  eraseCreatedBefore: {
    name: 'guests.eraseCreatedBefore',
    text: `${ERASE} AND id IN (SELECT id FROM guests WHERE erased_at IS NULL AND created_at < $2 LIMIT $3)`,
  },
  eraseByEmail: {
    name: 'guests.eraseByEmail',
    text: `${ERASE} AND lower(email) = lower($3) AND room_pk IN (SELECT pk FROM rooms WHERE tenant_id = $2)`,
  },
  countConnection: {
    name: 'guests.countConnection',
    text: `UPDATE guests SET connections = GREATEST(connections + $2, 0), last_seen_at = $3 WHERE id = $1`,
  },
  leaveIfAbsent: {
    name: 'guests.leaveIfAbsent',
    text: `UPDATE guests SET status = 'left', decided_at = $3, left_at = $3, waiting_since = NULL
      WHERE id = $1 AND status = 'waiting' AND connections = 0 AND last_seen_at <= $2`,
  },
  leaveAbsentWaiting: {
    name: 'guests.leaveAbsentWaiting',
    text: `UPDATE guests g SET status = 'left', decided_at = $2, left_at = $2, waiting_since = NULL FROM links l
      WHERE l.id = g.link_id AND g.status = 'waiting' AND g.connections = 0 AND g.waiting_since <= $1
        AND (g.last_seen_at IS NULL OR g.last_seen_at <= $1)
      RETURNING ${GUEST_COLUMNS}`,
  },
  knock: {
    name: 'guests.knock',
    text: `UPDATE guests SET status = 'waiting', decided_at = NULL, decided_by = NULL, waiting_since = $2,
      knocked_at = $2, knocks = knocks + 1 WHERE id = $1`,
  },
  waitingLine: {
    name: 'guests.waitingLine',
    text: `SELECT id FROM guests WHERE room_pk = $1 AND status = 'waiting' ORDER BY waiting_since, id`,
  },
  lobbyPosition: {
    name: 'guests.lobbyPosition',
    text: `SELECT count(*)::int AS position FROM guests
      WHERE room_pk = $1 AND status = 'waiting' AND (waiting_since, id) <= ($2, $3)`,
  },
  // One statement: a guest decided meanwhile is re-checked under its row lock and left out.
  admitWaiting: {
    name: 'guests.admitWaiting',
    text: `WITH admitted AS (
        UPDATE guests SET status = 'admitted', decided_at = $2, decided_by = $3, admitted_at = $2,
          waiting_since = NULL
        WHERE room_pk = $1 AND status = 'waiting'
        RETURNING *)
      SELECT ${GUEST_COLUMNS} FROM admitted g JOIN links l ON l.id = g.link_id
      ORDER BY g.created_at, g.id`,
  },
  countWaiting: {
    name: 'guests.countWaiting',
    text: "SELECT count(*)::int AS waiting FROM guests WHERE status = 'waiting'",
  },
};

/** The listing statements, each built once. */
const listings = new Map<string, Statement>();

export function guestTable(db: Queryable): GuestTable {
  const one = (rows: GuestRow[]) => rows[0] && toGuest(rows[0]);
  return {
    async insert(guest, linkName) {
      const decidedAt = guest.status === 'waiting' ? null : guest.createdAt;
      await changesOf(db, statements.insert, [
        guest.id,
        guest.roomPk,
        guest.linkId,
        guest.name,
        guest.email,
        guest.status,
        guest.sessionHash,
        guest.idempotencyKey,
        guest.createdAt,
        decidedAt,
        guest.status === 'waiting' ? guest.createdAt : null,
        guest.status === 'admitted' ? guest.createdAt : null,
      ]).catch((error: unknown) => {
        // Another transaction inserted this idempotency key first (its use counted, this one's rolls back).
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateKeyError();
        throw error;
      });
      return insertedGuest(guest, linkName);
    },

    get: (id) => rowsOf<GuestRow>(db, statements.get, [id]).then(one),

    lock: (id) => rowsOf<GuestRow>(db, statements.lock, [id]).then(one),

    bySessionHash: (hash) => rowsOf<GuestRow>(db, statements.bySessionHash, [hash]).then(one),

    byIdempotencyKey: (linkId, key) =>
      rowsOf<GuestRow>(db, statements.byIdempotencyKey, [linkId, key]).then(one),

    async pageOfRoom(roomPk, filter = {}, cursor) {
      const limit = PAGE_SIZE;
      const { status, linkId } = filter;
      const after: GuestCursor | undefined = cursor === undefined ? undefined : decodeGuestCursor(cursor);
      const key = `${!!status}${linkId !== undefined}${!!after}`;
      let statement = listings.get(key);
      if (!statement) {
        statement = listing(!!status, linkId !== undefined, !!after);
        listings.set(key, statement);
      }
      const values = [
        roomPk,
        ...(status ? [status] : []),
        ...(linkId !== undefined ? [linkId] : []),
        ...(after ? [after.createdAt, after.id] : []),
        limit + 1,
      ];
      const rows = await rowsOf<GuestRow>(db, statement, values);
      const guests = rows.slice(0, limit).map(toGuest);
      const last = guests.at(-1);
      return { guests, nextCursor: rows.length > limit && last ? encodeGuestCursor(last) : null };
    },

    async setStatus(guest, status, now, decidedBy = null) {
      await changesOf(db, statements.setStatus, [guest.id, status, now, decidedBy]);
      return withStatus(guest, status, now, decidedBy);
    },

    admitWaiting: (roomPk, now, decidedBy = null) =>
      rowsOf<GuestRow>(db, statements.admitWaiting, [roomPk, now, decidedBy]).then((rows) =>
        rows.map(toGuest),
      ),

    removeOfLink: (linkId, now, decidedBy) =>
      rowsOf<GuestRow>(db, statements.removeOfLink, [linkId, now, decidedBy]).then((rows) =>
        rows.map(toGuest),
      ),

    eraseCreatedBefore: (createdBefore, now, limit) =>
      changesOf(db, statements.eraseCreatedBefore, [now, createdBefore, limit]),

    eraseByEmail: (tenantId, email, now) => changesOf(db, statements.eraseByEmail, [now, tenantId, email]),

    countWaiting: () =>
      rowsOf<{ waiting: number }>(db, statements.countWaiting, []).then((rows) => rows[0]?.waiting ?? 0),
    async countConnection(id, delta, now) {
      await changesOf(db, statements.countConnection, [id, delta, now]);
      return rowsOf<GuestRow>(db, statements.get, [id]).then(one);
    },

    async leaveIfAbsent(id, seenBefore, now) {
      const changed = await changesOf(db, statements.leaveIfAbsent, [id, seenBefore, now]);
      return changed === 1 ? rowsOf<GuestRow>(db, statements.get, [id]).then(one) : undefined;
    },

    leaveAbsentWaiting: (seenBefore, now) =>
      rowsOf<GuestRow>(db, statements.leaveAbsentWaiting, [seenBefore, now]).then((rows) =>
        rows.map(toGuest),
      ),

    async knock(guest, now) {
      await changesOf(db, statements.knock, [guest.id, now]);
      return (await rowsOf<GuestRow>(db, statements.get, [guest.id]).then(one)) as Guest;
    },

    waitingLine: (roomPk) =>
      rowsOf<{ id: string }>(db, statements.waitingLine, [roomPk]).then((rows) => rows.map((row) => row.id)),

    async lobbyPosition(guest) {
      const [row] = await rowsOf<{ position: number }>(db, statements.lobbyPosition, [
        guest.roomPk,
        guest.waitingSince ?? 0,
        guest.id,
      ]);
      return row?.position ?? 0;
    },
  };
}
