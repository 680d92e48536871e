// The guests table: people who redeemed a link, their lobby status and the hash of their session token.
import { type GuestPage, PAGE_SIZE } from '../contract.ts';
import { decodeGuestCursor, encodeGuestCursor, InvalidCursorError } from '../guest-cursor.ts';
import { GUEST_COLUMNS, type GuestRow, insertedGuest, toGuest, withStatus } from '../guest-row.ts';
import type { Guest, GuestFilter, GuestStatus, NewGuest } from '../types.ts';
import type { Db } from './db.ts';

const SELECT = `SELECT ${GUEST_COLUMNS} FROM guests g JOIN links l ON l.id = g.link_id`;

type PageParameters = { roomPk: number; status?: string; linkId?: string; cursor?: string };

/** One statement per shape of page (by status, by link, after a cursor), each prepared on first use. */
function pageStatements(db: Db) {
  const prepared = new Map<string, ReturnType<Db['prepare']>>();
  return (byStatus: boolean, byLink: boolean, afterCursor: boolean) => {
    const key = `${byStatus}${byLink}${afterCursor}`;
    let statement = prepared.get(key);
    if (!statement) {
      statement = db.prepare<PageParameters, GuestRow>(
        `${SELECT} WHERE g.room_pk = @roomPk${byStatus ? ' AND g.status = @status' : ''}${
          byLink ? ' AND g.link_id = @linkId' : ''
        }${
          afterCursor
            ? ' AND (g.created_at, g.rowid) < (SELECT c.created_at, c.rowid FROM guests c WHERE c.id = @cursor)'
            : ''
        } ORDER BY g.created_at DESC, g.rowid DESC LIMIT ${PAGE_SIZE + 1}`,
      );
      prepared.set(key, statement);
    }
    return statement as unknown as { all(parameters: PageParameters): GuestRow[] };
  };
}

/** Who may be erased, and what erasing leaves: the row, without the name and email. */
const ERASE = "UPDATE guests SET name = '', email = '', erased_at = @now WHERE erased_at IS NULL";

export function createGuestStore(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO guests (id, room_pk, link_id, name, email, status, session_hash, idempotency_key, created_at, decided_at,
         waiting_since, admitted_at)
       VALUES (@id, @roomPk, @linkId, @name, @email, @status, @sessionHash, @idempotencyKey, @createdAt,
         CASE WHEN @status = 'waiting' THEN NULL ELSE @createdAt END,
         CASE WHEN @status = 'waiting' THEN @createdAt ELSE NULL END,
         CASE WHEN @status = 'admitted' THEN @createdAt ELSE NULL END)`,
    ),
    get: db.prepare<[string], GuestRow>(`${SELECT} WHERE g.id = ?`),
    bySessionHash: db.prepare<[Buffer], GuestRow>(`${SELECT} WHERE g.session_hash = ?`),
    byIdempotencyKey: db.prepare<[string, string], GuestRow>(
      `${SELECT} WHERE g.link_id = ? AND g.idempotency_key = ?`,
    ),
    // A page starts below the cursor guest's place, not at an offset, so guests arriving meanwhile (newest,
    // above it) neither shift nor repeat the rest.
    pageOfRoom: pageStatements(db),
    setStatus: db.prepare(
      `UPDATE guests SET status = @status, decided_at = @now, decided_by = @decidedBy, waiting_since = NULL,
         admitted_at = CASE WHEN @status = 'admitted' THEN @now ELSE admitted_at END,
         left_at = CASE WHEN @status IN ('left', 'removed') THEN @now ELSE left_at END
       WHERE id = @id`,
    ),
    admitWaiting: db
      .prepare<[number, string | null, number, number], string>(
        `UPDATE guests SET status = 'admitted', decided_at = ?, decided_by = ?, admitted_at = ?, waiting_since = NULL
         WHERE room_pk = ? AND status = 'waiting' RETURNING id`,
      )
      .pluck(),
    removeOfLink: db
      .prepare<[number, string | null, number, string], string>(
        `UPDATE guests SET status = 'removed', decided_at = ?, decided_by = ?, left_at = ?, waiting_since = NULL
         WHERE link_id = ? AND status IN ('waiting', 'admitted') RETURNING id`,
      )
      .pluck(),
    eraseCreatedBefore: db.prepare(
      `${ERASE} AND id IN (SELECT id FROM guests WHERE erased_at IS NULL AND created_at < @createdBefore LIMIT @limit)`,
    ),
    eraseByEmail: db.prepare(
      `${ERASE} AND lower(email) = lower(@email)
         AND room_pk IN (SELECT pk FROM rooms WHERE tenant_id = @tenantId)`,
    ),
    countWaiting: db.prepare<[], number>("SELECT count(*) FROM guests WHERE status = 'waiting'").pluck(),
    countConnection: db.prepare(
      'UPDATE guests SET connections = MAX(connections + ?, 0), last_seen_at = ? WHERE id = ?',
    ),
    leaveIfAbsent: db.prepare(
      `UPDATE guests SET status = 'left', decided_at = @now, left_at = @now, waiting_since = NULL
       WHERE id = @id AND status = 'waiting' AND connections = 0 AND last_seen_at <= @seenBefore`,
    ),
    leaveAbsentWaiting: db
      .prepare<[{ seenBefore: number; now: number }], string>(
        `UPDATE guests SET status = 'left', decided_at = @now, left_at = @now, waiting_since = NULL
         WHERE status = 'waiting' AND connections = 0 AND waiting_since <= @seenBefore
           AND (last_seen_at IS NULL OR last_seen_at <= @seenBefore)
         RETURNING id`,
      )
      .pluck(),
    knock: db.prepare(
      `UPDATE guests SET status = 'waiting', decided_at = NULL, decided_by = NULL, waiting_since = ?,
         knocked_at = ?, knocks = knocks + 1 WHERE id = ?`,
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
      return insertedGuest(guest, linkName);
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

    /** A page of the room's guests, newest first, optionally of one status and/or link, after `cursor`. */
    pageOfRoom(roomPk: number, filter: GuestFilter = {}, cursorText?: string): GuestPage {
      // The cursor names the page's last guest; the next page starts below its place (created_at, rowid).
      const cursor = cursorText === undefined ? undefined : decodeGuestCursor(cursorText).id;
      if (cursor !== undefined && statements.get.get(cursor)?.room_pk !== roomPk)
        throw new InvalidCursorError();
      const { status, linkId } = filter;
      const statement = statements.pageOfRoom(!!status, linkId !== undefined, cursor !== undefined);
      const rows = statement.all({ roomPk, status, linkId, cursor });
      const guests = rows.slice(0, PAGE_SIZE).map(toGuest);
      const last = guests.at(-1);
      return { guests, nextCursor: rows.length > PAGE_SIZE && last ? encodeGuestCursor(last) : null };
    },

    setStatus(guest: Guest, status: GuestStatus, now: number, decidedBy: string | null = null): Guest {
      statements.setStatus.run({ status, now, decidedBy, id: guest.id });
      return withStatus(guest, status, now, decidedBy);
    },

    /** Admits every waiting guest of the room at once; returns them as admitted. */
    admitWaiting(roomPk: number, now: number, decidedBy: string | null = null): Guest[] {
      return statements.admitWaiting
        .all(now, decidedBy, now, roomPk)
        .map((id) => toGuest(statements.get.get(id) as GuestRow));
    },

    removeOfLink(linkId: string, now: number, decidedBy: string | null): Guest[] {
      return statements.removeOfLink
        .all(now, decidedBy, now, linkId)
        .map((id) => toGuest(statements.get.get(id) as GuestRow));
    },

    eraseCreatedBefore: (createdBefore: number, now: number, limit: number): number =>
      statements.eraseCreatedBefore.run({ createdBefore, now, limit }).changes,

    eraseByEmail: (tenantId: string, email: string, now: number): number =>
      statements.eraseByEmail.run({ tenantId, email, now }).changes,

    countWaiting(): number {
      return statements.countWaiting.get() as number;
    },

    countConnection(id: string, delta: number, now: number): Guest | undefined {
      statements.countConnection.run(delta, now, id);
      return getGuest(id);
    },

    leaveIfAbsent(id: string, seenBefore: number, now: number): Guest | undefined {
      return statements.leaveIfAbsent.run({ now, id, seenBefore }).changes === 1 ? getGuest(id) : undefined;
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
