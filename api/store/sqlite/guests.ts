// The guests table: people who redeemed a link, their lobby status and the hash of their session token.
import { type GuestPage, PAGE_SIZE } from '../contract.ts';
import { decodeGuestCursor, encodeGuestCursor, InvalidCursorError } from '../guest-cursor.ts';
import { type GuestRow, toGuest } from '../guest-row.ts';
import type { Guest, GuestStatus, NewGuest } from '../types.ts';
import type { Db } from './db.ts';

const SELECT = `SELECT g.id, g.room_pk, g.link_id, l.name AS link_name, g.name, g.email, g.status, g.created_at,
  g.decided_at, g.connections, g.last_seen_at, g.knocks, g.knocked_at, g.waiting_since
  FROM guests g JOIN links l ON l.id = g.link_id`;

const pageStatement = (db: Db, byStatus: boolean, afterCursor: boolean) =>
  db.prepare<{ roomPk: number; status?: string; cursor?: string }, GuestRow>(
    `${SELECT} WHERE g.room_pk = @roomPk${byStatus ? ' AND g.status = @status' : ''}${
      afterCursor
        ? ' AND (g.created_at, g.rowid) < (SELECT c.created_at, c.rowid FROM guests c WHERE c.id = @cursor)'
        : ''
    } ORDER BY g.created_at DESC, g.rowid DESC LIMIT ${PAGE_SIZE + 1}`,
  );

export function createGuestStore(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO guests (id, room_pk, link_id, name, email, status, session_hash, idempotency_key, created_at, decided_at,
         waiting_since)
       VALUES (@id, @roomPk, @linkId, @name, @email, @status, @sessionHash, @idempotencyKey, @createdAt,
         CASE WHEN @status = 'waiting' THEN NULL ELSE @createdAt END,
         CASE WHEN @status = 'waiting' THEN @createdAt ELSE NULL END)`,
    ),
    get: db.prepare<[string], GuestRow>(`${SELECT} WHERE g.id = ?`),
    bySessionHash: db.prepare<[Buffer], GuestRow>(`${SELECT} WHERE g.session_hash = ?`),
    byIdempotencyKey: db.prepare<[string, string], GuestRow>(
      `${SELECT} WHERE g.link_id = ? AND g.idempotency_key = ?`,
    ),
    // A page starts below the cursor guest's place, not at an offset, so guests arriving meanwhile (newest,
    // above it) neither shift nor repeat the rest.
    pageOfRoom: {
      first: pageStatement(db, false, false),
      next: pageStatement(db, false, true),
      firstWithStatus: pageStatement(db, true, false),
      nextWithStatus: pageStatement(db, true, true),
    },
    setStatus: db.prepare('UPDATE guests SET status = ?, decided_at = ?, waiting_since = NULL WHERE id = ?'),
    admitWaiting: db
      .prepare<[number, number], string>(
        `UPDATE guests SET status = 'admitted', decided_at = ?, waiting_since = NULL
         WHERE room_pk = ? AND status = 'waiting' RETURNING id`,
      )
      .pluck(),
    countWaiting: db.prepare<[], number>("SELECT count(*) FROM guests WHERE status = 'waiting'").pluck(),
    countConnection: db.prepare(
      'UPDATE guests SET connections = MAX(connections + ?, 0), last_seen_at = ? WHERE id = ?',
    ),
    leaveIfAbsent: db.prepare(
      `UPDATE guests SET status = 'left', decided_at = ?, waiting_since = NULL
       WHERE id = ? AND status = 'waiting' AND connections = 0 AND last_seen_at <= ?`,
    ),
    leaveAbsentWaiting: db
      .prepare<[{ seenBefore: number; now: number }], string>(
        `UPDATE guests SET status = 'left', decided_at = @now, waiting_since = NULL
         WHERE status = 'waiting' AND connections = 0 AND last_seen_at <= @seenBefore AND waiting_since <= @seenBefore
         RETURNING id`,
      )
      .pluck(),
    knock: db.prepare(
      `UPDATE guests SET status = 'waiting', decided_at = NULL, waiting_since = ?, knocked_at = ?,
         knocks = knocks + 1 WHERE id = ?`,
    ),
    waitingLine: db
      .prepare<[number], string>(
        "SELECT id FROM guests WHERE room_pk = ? AND status = 'waiting' ORDER BY waiting_since, id",
      )
      .pluck(),
    lobbyPosition: db
      .prepare<[number, number, string], number>(
        `SELECT count(*) FROM guests WHERE room_pk = ? AND status = 'waiting' AND (waiting_since, id) <= (?, ?)`,
      )
      .pluck(),
  };

  const getGuest = (id: string): Guest | undefined => {
    const row = statements.get.get(id);
    return row && toGuest(row);
  };

  return {
    /**
     * Inserts without reading the row back: the guest as stored, built from what was
     * inserted (`linkName` is the name of its link, `decidedAt` is set unless it waits).
     */
    insert(guest: NewGuest, linkName: string): Guest {
      statements.insert.run(guest);
      return {
        id: guest.id,
        roomPk: guest.roomPk,
        linkId: guest.linkId,
        linkName,
        name: guest.name,
        email: guest.email,
        status: guest.status,
        createdAt: guest.createdAt,
        decidedAt: guest.status === 'waiting' ? null : guest.createdAt,
        online: false,
        lastSeenAt: null,
        knocks: 0,
        knockedAt: null,
        waitingSince: guest.status === 'waiting' ? guest.createdAt : null,
      };
    },

    get: getGuest,

    /** `get`: a write transaction here holds the database's one write lock already. */
    lock(id: string): Guest | undefined {
      const row = statements.get.get(id);
      return row && toGuest(row);
    },

    bySessionHash(hash: Buffer): Guest | undefined {
      const row = statements.bySessionHash.get(hash);
      return row && toGuest(row);
    },

    byIdempotencyKey(linkId: string, key: string): Guest | undefined {
      const row = statements.byIdempotencyKey.get(linkId, key);
      return row && toGuest(row);
    },

    /** A page of the room's guests, newest first, optionally only those with one status, after `cursor`. */
    pageOfRoom(roomPk: number, status?: GuestStatus, cursorText?: string): GuestPage {
      // The cursor names the page's last guest; the next page starts below its place (created_at, rowid).
      const cursor = cursorText === undefined ? undefined : decodeGuestCursor(cursorText).id;
      if (cursor !== undefined && statements.get.get(cursor)?.room_pk !== roomPk)
        throw new InvalidCursorError();
      const pages = statements.pageOfRoom;
      const statement = status
        ? cursor
          ? pages.nextWithStatus
          : pages.firstWithStatus
        : cursor
          ? pages.next
          : pages.first;
      const rows = statement.all({ roomPk, status, cursor });
      const guests = rows.slice(0, PAGE_SIZE).map(toGuest);
      const last = guests.at(-1);
      return { guests, nextCursor: rows.length > PAGE_SIZE && last ? encodeGuestCursor(last) : null };
    },

    setStatus(guest: Guest, status: GuestStatus, now: number): Guest {
      statements.setStatus.run(status, now, guest.id);
      return { ...guest, status, decidedAt: now, waitingSince: null };
    },

    /** Admits every waiting guest of the room at once; returns them as admitted. */
    admitWaiting(roomPk: number, now: number): Guest[] {
      return statements.admitWaiting
        .all(now, roomPk)
        .map((id) => toGuest(statements.get.get(id) as GuestRow));
    },

    countWaiting(): number {
      return statements.countWaiting.get() as number;
    },

    countConnection(id: string, delta: 1 | -1, now: number): Guest | undefined {
      statements.countConnection.run(delta, now, id);
      return getGuest(id);
    },

    leaveIfAbsent(id: string, seenBefore: number, now: number): Guest | undefined {
      return statements.leaveIfAbsent.run(now, id, seenBefore).changes === 1 ? getGuest(id) : undefined;
    },

    leaveAbsentWaiting(seenBefore: number, now: number): Guest[] {
      return statements.leaveAbsentWaiting.all({ seenBefore, now }).map((id) => getGuest(id) as Guest);
    },

    knock(guest: Guest, now: number): Guest {
      statements.knock.run(now, now, guest.id);
      return getGuest(guest.id) as Guest;
    },

    waitingLine(roomPk: number): string[] {
      return statements.waitingLine.all(roomPk);
    },

    lobbyPosition(guest: Guest): number {
      return statements.lobbyPosition.get(guest.roomPk, guest.waitingSince ?? 0, guest.id) ?? 0;
    },
  };
}
