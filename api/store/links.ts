// The links table: guest links of a room. Only the SHA-256 of a link's token is stored; the token itself
// is derived from the link id and the server secret.
import type { Db } from './db.ts';

export interface Link {
  id: string;
  roomPk: number;
  name: string;
  maxUses: number | null;
  uses: number;
  expiresAt: number | null;
  createdBy: string | null;
  createdAt: number;
  deletedAt: number | null;
}

export interface NewLink {
  id: string;
  roomPk: number;
  tokenHash: Buffer;
  name: string;
  maxUses: number | null;
  expiresAt: number | null;
  createdBy: string | null;
  createdAt: number;
}

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

/** COLUMNS of the links table aliased `l`, for joins. */
export const LINK_COLUMNS = COLUMNS.split(', ')
  .map((column) => `l.${column}`)
  .join(', ');

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
    byTokenHash: db.prepare<[Buffer], LinkRow>(`SELECT ${COLUMNS} FROM links WHERE token_hash = ?`),
    listOfRoom: db.prepare<[number], LinkRow>(
      `SELECT ${COLUMNS} FROM links WHERE room_pk = ? AND deleted_at IS NULL ORDER BY created_at, rowid`,
    ),
    countOfRoom: db
      .prepare<[number], number>('SELECT count(*) FROM links WHERE room_pk = ? AND deleted_at IS NULL')
      .pluck(),
    delete: db.prepare('UPDATE links SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
    deleteOfRoom: db.prepare('UPDATE links SET deleted_at = ? WHERE room_pk = ? AND deleted_at IS NULL'),
    // The use limit is enforced by this one statement, so concurrent redemptions can never overshoot it.
    countUse: db.prepare(
      'UPDATE links SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)',
    ),
    // The same statement, answering with the link as it is after the use.
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

    byTokenHash(hash: Buffer): Link | undefined {
      const row = statements.byTokenHash.get(hash);
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

    /** Counts one use unless the limit is reached; false when it was. */
    countUse: (id: string): boolean => statements.countUse.run(id).changes === 1,

    /** `countUse` that returns the link after the use; undefined when the limit was reached. */
    countUseReturning(id: string): Link | undefined {
      const row = statements.countUseReturning.get(id);
      return row && toLink(row);
    },
  };
}

export type LinkStore = ReturnType<typeof createLinkStore>;
