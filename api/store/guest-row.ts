// A guests row as both engines read it (the same columns, named alike), and the Guest it maps to.
import type { Guest, GuestStatus } from './types.ts';

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
}

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
});
