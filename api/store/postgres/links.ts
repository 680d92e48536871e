// The links table on PostgreSQL. Only the SHA-256 of a link's token is stored.
import type { LinkTable } from '../contract.ts';
import type { Link, LinkAdmission } from '../types.ts';
import { changesOf, type Queryable, rowsOf } from './connect.ts';

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
  paused: boolean;
  admission: LinkAdmission;
}

/** The columns a Link is made of (all but the token hash); `l` is the links table. */
const LINK_COLUMNS =
  'l.id, l.room_pk, l.name, l.max_uses, l.uses, l.expires_at, l.created_by, l.created_at, l.deleted_at, ' +
  'l.token_id, l.paused, l.admission';

/** The same columns as one JSON object, for reads that join links to other tables. */
export const LINK_JSON = `to_jsonb(l) - 'token_hash'`;

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
  paused: row.paused,
  admission: row.admission,
});

const statements = {
  create: {
    name: 'links.create',
    text: `INSERT INTO links AS l (id, room_pk, token_hash, name, max_uses, expires_at, created_by, created_at,
        admission)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      RETURNING ${LINK_COLUMNS}`,
  },
  // Fields left out keep their stored value ($3, $5: "keep"); the limit is checked by the UPDATE against the
  // newest row (READ COMMITTED re-evaluates the WHERE after waiting for a racing redemption's row lock).
  update: {
    name: 'links.update',
    text: `UPDATE links l SET name = COALESCE($2, l.name),
        max_uses = CASE WHEN $3::boolean THEN l.max_uses ELSE $4::int END,
        expires_at = CASE WHEN $5::boolean THEN l.expires_at ELSE $6::bigint END,
        paused = COALESCE($7::boolean, l.paused), admission = COALESCE($8::text, l.admission)
      WHERE l.id = $1 AND l.deleted_at IS NULL AND ($3::boolean OR $4::int IS NULL OR l.uses <= $4::int)
      RETURNING ${LINK_COLUMNS}`,
  },
  rotate: {
    name: 'links.rotate',
    text: `UPDATE links l SET token_id = $2, token_hash = $3 WHERE l.id = $1 AND l.deleted_at IS NULL
      RETURNING ${LINK_COLUMNS}`,
  },
  get: { name: 'links.get', text: `SELECT ${LINK_COLUMNS} FROM links l WHERE l.id = $1` },
  listOfRoom: {
    name: 'links.listOfRoom',
    text: `SELECT ${LINK_COLUMNS} FROM links l WHERE l.room_pk = $1 AND l.deleted_at IS NULL
      ORDER BY l.created_at, l.id`,
  },
  countOfRoom: {
    name: 'links.countOfRoom',
    text: 'SELECT count(*)::int AS count FROM links WHERE room_pk = $1 AND deleted_at IS NULL',
  },
  delete: {
    name: 'links.delete',
    text: 'UPDATE links SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL',
  },
  deleteOfRoom: {
    name: 'links.deleteOfRoom',
    text: 'UPDATE links SET deleted_at = $2 WHERE room_pk = $1 AND deleted_at IS NULL',
  },
  // The use limit in one statement: concurrent claims queue on the row lock and each re-checks the limit
  // against the committed count (READ COMMITTED re-evaluates the WHERE on the newest row), so none passes it.
  countUseReturning: {
    name: 'links.countUseReturning',
    text: `UPDATE links l SET uses = l.uses + 1 WHERE l.id = $1 AND (l.max_uses IS NULL OR l.uses < l.max_uses)
      RETURNING ${LINK_COLUMNS}`,
  },
};

export function linkTable(db: Queryable): LinkTable {
  const one = (rows: LinkRow[]) => rows[0] && toLink(rows[0]);
  return {
    create: (link) =>
      rowsOf<LinkRow>(db, statements.create, [
        link.id,
        link.roomPk,
        link.tokenHash,
        link.name,
        link.maxUses,
        link.expiresAt,
        link.createdBy,
        link.createdAt,
        link.admission ?? 'room',
      ]).then((rows) => toLink(rows[0] as LinkRow)),

    get: (id) => rowsOf<LinkRow>(db, statements.get, [id]).then(one),

    listOfRoom: (roomPk) =>
      rowsOf<LinkRow>(db, statements.listOfRoom, [roomPk]).then((rows) => rows.map(toLink)),

    countOfRoom: (roomPk) =>
      rowsOf<{ count: number }>(db, statements.countOfRoom, [roomPk]).then(([row]) => row?.count ?? 0),

    delete: (id, now) => changesOf(db, statements.delete, [id, now]).then((count) => count === 1),

    async deleteOfRoom(roomPk, now) {
      await changesOf(db, statements.deleteOfRoom, [roomPk, now]);
    },

    countUseReturning: (id) => rowsOf<LinkRow>(db, statements.countUseReturning, [id]).then(one),

    update: (id, changes) =>
      rowsOf<LinkRow>(db, statements.update, [
        id,
        changes.name ?? null,
        changes.maxUses === undefined,
        changes.maxUses ?? null,
        changes.expiresAt === undefined,
        changes.expiresAt ?? null,
        changes.paused ?? null,
        changes.admission ?? null,
      ]).then(one),

    rotate: (id, tokenId, tokenHash) =>
      rowsOf<LinkRow>(db, statements.rotate, [id, tokenId, tokenHash]).then(one),
  };
}
