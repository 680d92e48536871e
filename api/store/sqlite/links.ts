// The links table: guest links of a room. Only the SHA-256 of a link's token is stored; the token itself
// is derived from the link id and the server secret.
import type { Link, LinkAdmission, LinkChanges, NewLink } from '../types.ts';
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
  token_id: string | null;
  paused: number;
  admission: LinkAdmission;
}

const COLUMNS =
  'id, room_pk, name, max_uses, uses, expires_at, created_by, created_at, deleted_at, token_id, paused, admission';

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
  tokenId: row.token_id ?? row.id,
  paused: row.paused === 1,
  admission: row.admission,
});

export function createLinkStore(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO links (id, room_pk, token_hash, name, max_uses, expires_at, created_by, created_at, admission)
       VALUES (@id, @roomPk, @tokenHash, @name, @maxUses, @expiresAt, @createdBy, @createdAt, @admission)`,
    ),
    // Fields left out keep their stored value; `keep…` tells "not sent" from null. The limit is checked
    // against the uses as they are when the row is written.
    update: db.prepare<
      {
        id: string;
        name: string | null;
        keepMaxUses: number;
        maxUses: number | null;
        keepExpiry: number;
        expiresAt: number | null;
        paused: number | null;
        admission: LinkAdmission | null;
      },
      LinkRow
    >(
      `UPDATE links SET name = COALESCE(@name, name),
         max_uses = CASE WHEN @keepMaxUses = 1 THEN max_uses ELSE @maxUses END,
         expires_at = CASE WHEN @keepExpiry = 1 THEN expires_at ELSE @expiresAt END,
         paused = COALESCE(@paused, paused), admission = COALESCE(@admission, admission)
       WHERE id = @id AND deleted_at IS NULL AND (@keepMaxUses = 1 OR @maxUses IS NULL OR uses <= @maxUses)
       RETURNING ${COLUMNS}`,
    ),
    rotate: db.prepare<[string, Buffer, string], LinkRow>(
      `UPDATE links SET token_id = ?, token_hash = ? WHERE id = ? AND deleted_at IS NULL RETURNING ${COLUMNS}`,
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
      statements.insert.run({ ...link, admission: link.admission ?? 'room' });
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

    update(id: string, changes: LinkChanges): Link | undefined {
      const row = statements.update.get({
        id,
        name: changes.name ?? null,
        keepMaxUses: changes.maxUses === undefined ? 1 : 0,
        maxUses: changes.maxUses ?? null,
        keepExpiry: changes.expiresAt === undefined ? 1 : 0,
        expiresAt: changes.expiresAt ?? null,
        paused: changes.paused === undefined ? null : changes.paused ? 1 : 0,
        admission: changes.admission ?? null,
      });
      return row && toLink(row);
    },

    rotate(id: string, tokenId: string, tokenHash: Buffer): Link | undefined {
      const row = statements.rotate.get(tokenId, tokenHash, id);
      return row && toLink(row);
    },
  };
}
