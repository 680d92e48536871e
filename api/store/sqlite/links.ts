// The links table: guest links of a room. Only the SHA-256 of a link's token is stored; the token itself
// is derived from the link id and the server secret.
import type { Link, NewLink } from '../types.ts';
import { type Db, jsonObject } from './db.ts';

export interface LinkRow {
  id: string;
  room_pk: number;
  name: string;
  max_uses: number | null;
  uses: number;
  expires_at: number | null;
  created_by: string | null;
  created_at: number;
  deleted_at: number | null;
}

const COLUMNS = 'id, room_pk, name, max_uses, uses, expires_at, created_by, created_at, deleted_at';

/** A LinkRow as one JSON object, for joins (`l` is the links table). */
export const LINK_JSON = jsonObject('l', COLUMNS.split(', '));

export const toLink = (row: LinkRow): Link => ({
  id: row.id,
  roomPk: row.room_pk,
  name: row.name,
  maxUses: row.max_uses,
  uses: row.uses,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
  createdAt: row.created_at,
  deletedAt: row.deleted_at,
});

export function createLinkStore(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO links (id, room_pk, token_hash, name, max_uses, expires_at, created_by, created_at)
       VALUES (@id, @roomPk, @tokenHash, @name, @maxUses, @expiresAt, @createdBy, @createdAt)`,
    ),
    get: db.prepare<[string], LinkRow>(`SELECT ${COLUMNS} FROM links WHERE id = ?`),
    listOfRoom: db.prepare<[number], LinkRow>(
      `SELECT ${COLUMNS} FROM links WHERE room_pk = ? AND deleted_at IS NULL ORDER BY created_at, rowid`,
    ),
    countOfRoom: db
      .prepare<[number], number>('SELECT count(*) FROM links WHERE room_pk = ? AND deleted_at IS NULL')
      .pluck(),
    delete: db.prepare('UPDATE links SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
    deleteOfRoom: db.prepare('UPDATE links SET deleted_at = ? WHERE room_pk = ? AND deleted_at IS NULL'),
    // The use limit is enforced by this one statement, so concurrent redemptions can never overshoot it.
    countUseReturning: db.prepare<[string], LinkRow>(
      `UPDATE links SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)
       RETURNING ${COLUMNS}`,
    ),
  };

  return {
    create(link: NewLink): Link {
      statements.insert.run(link);
      return toLink(statements.get.get(link.id) as LinkRow);
    },

    get(id: string): Link | undefined {
      const row = statements.get.get(id);
      return row && toLink(row);
    },

    /** The links not deleted, oldest first. */
    listOfRoom: (roomPk: number): Link[] => statements.listOfRoom.all(roomPk).map(toLink),

    countOfRoom: (roomPk: number): number => statements.countOfRoom.get(roomPk) ?? 0,

    /** Deletion is for good: the row stays only so its token is recognised as once real. */
    delete: (id: string, now: number): boolean => statements.delete.run(now, id).changes === 1,

    deleteOfRoom: (roomPk: number, now: number): void => {
      statements.deleteOfRoom.run(now, roomPk);
    },

    /** Counts one use unless the limit is reached; the link after the use, or undefined when it was reached. */
    countUseReturning(id: string): Link | undefined {
      const row = statements.countUseReturning.get(id);
      return row && toLink(row);
    },
  };
}
