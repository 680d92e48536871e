// A guests row as both engines read it (the same columns, named alike), and the Guest it maps to.
import type { Guest, GuestStatus, NewGuest } from './types.ts';

export interface GuestRow {
  id: string;
  room_pk: number;
  link_id: string;
  link_name: string;
  name: string;
  email: string;
  status: GuestStatus;
  created_at: number;
  decided_at: number | null;
  connections: number;
  last_seen_at: number | null;
  knocks: number;
  knocked_at: number | null;
  waiting_since: number | null;
  admitted_at: number | null;
  decided_by: string | null;
  left_at: number | null;
  erased_at: number | null;
}

/** The columns of a GuestRow; `g` is the guests table and `l` its link (for the link's name). */
export const GUEST_COLUMNS =
  'g.id, g.room_pk, g.link_id, l.name AS link_name, g.name, g.email, g.status, g.created_at, g.decided_at, ' +
  'g.connections, g.last_seen_at, g.knocks, g.knocked_at, g.waiting_since, g.admitted_at, g.decided_by, ' +
  'g.left_at, g.erased_at';

export const toGuest = (row: GuestRow): Guest => ({
  id: row.id,
  roomPk: row.room_pk,
  linkId: row.link_id,
  linkName: row.link_name,
  name: row.name,
  email: row.email,
  status: row.status,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  online: row.connections > 0,
  lastSeenAt: row.last_seen_at,
  knocks: row.knocks,
  knockedAt: row.knocked_at,
  waitingSince: row.waiting_since,
  admittedAt: row.admitted_at,
  decidedBy: row.decided_by,
  leftAt: row.left_at,
  erasedAt: row.erased_at,
});

/** A guest whose status changed at `now` by `decidedBy`, as both engines' status statements store it. */
export const withStatus = (
  guest: Guest,
  status: GuestStatus,
  now: number,
  decidedBy: string | null,
): Guest => ({
  ...guest,
  status,
  decidedAt: now,
  decidedBy,
  waitingSince: null,
  admittedAt: status === 'admitted' ? now : guest.admittedAt,
  leftAt: status === 'left' || status === 'removed' ? now : guest.leftAt,
});

/** A guest as just inserted (without reading the row back). */
export const insertedGuest = (guest: NewGuest, linkName: string): Guest => {
  const waiting = guest.status === 'waiting';
  return {
    id: guest.id,
    roomPk: guest.roomPk,
    linkId: guest.linkId,
    linkName,
    name: guest.name,
    email: guest.email,
    status: guest.status,
    createdAt: guest.createdAt,
    decidedAt: waiting ? null : guest.createdAt,
    online: false,
    lastSeenAt: null,
    knocks: 0,
    knockedAt: null,
    waitingSince: waiting ? guest.createdAt : null,
    admittedAt: guest.status === 'admitted' ? guest.createdAt : null,
    decidedBy: null,
    leftAt: null,
    erasedAt: null,
  };
};
