// Issue 15, records: the guest history (every guest ever, by status and link, paged) and its CSV export.
// Runs on either engine (GUEST_ACCESS_TEST_ENGINE=postgres).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, guestCsvStream } from '../../api/guest-csv.ts';
import { randomId } from '../../api/secrets.ts';
import type { GuestPage } from '../../api/store/contract.ts';
import type { Guest } from '../../api/store/types.ts';
import { errorCode, host, type Room, redeem, renewHostToken, roomWith } from './helpers.ts';

interface HistoryGuest {
  id: string;
  name: string;
  email: string;
  status: string;
  linkId: string;
  linkName: string;
  createdAt: string;
  admittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  leftAt: string | null;
  erasedAt: string | null;
}

interface HistoryPage {
  guests: HistoryGuest[];
  nextCursor: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const arrive = async (room: Room, name: string, token = room.tokens[0]) =>
  (await redeem(room, token, { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.com` }))
    .body as { guest: { id: string }; session: string };

const history = async (room: Room, query = '', token = room.hostToken) => {
  const answer = await host(room, 'GET', `/guests${query}`, undefined, token);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as HistoryPage;
};

/** A room whose guests went every way: admitted and left, denied, removed, waiting; two links. */
async function busyRoom(t: Parameters<typeof roomWith>[0]) {
  const room = await roomWith(t, { links: [{ name: 'Press' }, { name: 'Speakers' }] });
  const left = await arrive(room, 'Ada');
  const denied = await arrive(room, 'Bo');
  const removed = await arrive(room, 'Cy', room.tokens[1]);
  const waiting = await arrive(room, 'Di', room.tokens[1]);
  await host(room, 'POST', `/guests/${left.guest.id}/admit`);
  await room.api.request({ method: 'DELETE', path: '/v1/guest/session', token: left.session });
  await host(room, 'POST', `/guests/${denied.guest.id}/deny`);
  await host(room, 'POST', `/guests/${removed.guest.id}/remove`);
  return { room, left, denied, removed, waiting };
}

test('lists every guest ever, newest first, with when they came, were admitted and left, who decided, and the link', async (t) => {
  const { room, left, denied, removed, waiting } = await busyRoom(t);
  const page = await history(room);
  assert.equal(page.nextCursor, null);
  assert.deepEqual(
    page.guests.map((guest) => [guest.id, guest.status, guest.linkName]),
    [
      [waiting.guest.id, 'waiting', 'Speakers'],
      [removed.guest.id, 'removed', 'Speakers'],
      [denied.guest.id, 'denied', 'Press'],
      [left.guest.id, 'left', 'Press'],
    ],
  );
  const byId = new Map(page.guests.map((guest) => [guest.id, guest]));
  const wentIn = byId.get(left.guest.id) as HistoryGuest;
  assert.match(wentIn.createdAt, ISO);
  assert.match(wentIn.admittedAt as string, ISO);
  assert.match(wentIn.leftAt as string, ISO);
  assert.ok(wentIn.createdAt <= (wentIn.admittedAt as string));
  assert.ok((wentIn.admittedAt as string) <= (wentIn.leftAt as string));
  assert.equal(wentIn.decidedBy, null, 'the guest left on their own');
  assert.deepEqual(
    [byId.get(denied.guest.id)?.decidedBy, byId.get(denied.guest.id)?.admittedAt],
    ['host-user', null],
  );
  assert.equal(byId.get(removed.guest.id)?.decidedBy, 'host-user');
  assert.match(byId.get(removed.guest.id)?.leftAt as string, ISO);
  assert.deepEqual([byId.get(waiting.guest.id)?.decidedBy, byId.get(waiting.guest.id)?.leftAt], [null, null]);
  assert.equal(byId.get(waiting.guest.id)?.erasedAt, null);
});

test('filters by link and by status, together too, deleted links included', async (t) => {
  const { room, left, denied, removed, waiting } = await busyRoom(t);
  const [press, speakers] = room.links.map((link) => link.id) as [string, string];
  const ids = (page: HistoryPage) => page.guests.map((guest) => guest.id);
  assert.deepEqual(ids(await history(room, `?linkId=${press}`)), [denied.guest.id, left.guest.id]);
  assert.deepEqual(ids(await history(room, `?linkId=${speakers}&status=waiting`)), [waiting.guest.id]);
  assert.deepEqual(ids(await history(room, `?linkId=${speakers}&status=denied`)), []);
  assert.deepEqual(ids(await history(room, '?status=removed')), [removed.guest.id]);
  await host(room, 'DELETE', `/links/${press}`);
  assert.deepEqual(ids(await history(room, `?linkId=${press}`)), [denied.guest.id, left.guest.id]);
  assert.deepEqual(ids(await history(room, '?linkId=no-such-link')), []);
});

test('a bad filter or cursor is 400, and the history needs guests:admit as the guest list does', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  // A cursor's form, with an id no guest has: a NUL in it was a 500 on PostgreSQL.
  const forged = (id: string) => Buffer.from(JSON.stringify([1, id])).toString('base64url');
  for (const query of [
    '?status=gone',
    '?linkId=%20',
    '?cursor=not-a-cursor',
    '?linkId=a&cursor=xyz',
    `?cursor=${forged('a\u0000b')}`,
    `?cursor=${forged('\uD800')}`,
    `?cursor=${forged('')}`,
  ]) {
    const answer = await host(room, 'GET', `/guests${query}`);
    assert.equal(answer.status, 400, query);
    assert.equal(errorCode(answer.body), 'validation_failed', query);
  }
  const manager = await renewHostToken(room, ['guest-access:manage']);
  for (const path of ['/guests', '/guests.csv']) {
    const refused = await host(room, 'GET', path, undefined, manager);
    assert.equal(refused.status, 403, path);
  }
});

const csvOf = async (room: Room, path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${room.api.url}/v1/rooms/${room.roomId}${path}`, {
    headers: { authorization: `Bearer ${room.hostToken}`, ...headers },
  });
  assert.equal(response.status, 200);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

test('exports the history as CSV: UTF-8 with a BOM, RFC 4180, ISO 8601 times, formulas neutralised', async (t) => {
  const room = await roomWith(t, { links: [{ name: '=Press, "A"' }] });
  const names = ['=HYPERLINK("http://evil.example","x")', '+1', '-2', '@SUM(A1)', 'Zoë, Jr.'];
  for (const name of names) await arrive(room, name);
  const byAccept = await csvOf(room, '/guests', { accept: 'text/csv' });
  const bySuffix = await csvOf(room, '/guests.csv');
  assert.deepEqual(byAccept.bytes, bySuffix.bytes);
  assert.match(bySuffix.response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(bySuffix.response.headers.get('content-disposition') ?? '', /^attachment; filename="guests-/);
  assert.equal(bySuffix.response.headers.get('cache-control'), 'no-store');
  assert.deepEqual([...bySuffix.bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = new TextDecoder().decode(bySuffix.bytes.slice(3));
  assert.ok(text.endsWith('\r\n'));
  const lines = text.slice(0, -2).split('\r\n');
  assert.equal(
    lines[0],
    'id,name,email,status,link_id,link_name,created_at,admitted_at,decided_at,decided_by,left_at,knocks,erased_at',
  );
  assert.equal(lines.length, 1 + names.length);
  const rows = lines.slice(1);
  // Newest first, as the JSON history.
  assert.ok(rows[0]?.includes(',"Zoë, Jr.",'));
  assert.ok(rows[1]?.includes(",'@SUM(A1),"));
  assert.ok(rows[2]?.includes(",'-2,"));
  assert.ok(rows[3]?.includes(",'+1,"));
  assert.ok(rows[4]?.includes(`,"'=HYPERLINK(""http://evil.example"",""x"")",`));
  for (const row of rows) {
    assert.ok(row.includes(`,"'=Press, ""A""",`), 'the link name, neutralised and quoted');
    assert.match(row, /,waiting,.*,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,,,,,0,$/);
  }
});

test('the CSV export honours the filters', async (t) => {
  const { room, denied } = await busyRoom(t);
  const { bytes } = await csvOf(room, '/guests.csv?status=denied');
  const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.ok(lines[1]?.startsWith(`${denied.guest.id},Bo,bo@example.com,denied,`));
});

test('a CSV cell beginning with a tab or a carriage return is neutralised and quoted', () => {
  assert.equal(csvCell('\tcmd'), "'\tcmd");
  assert.equal(csvCell('\r=1'), `"'\r=1"`);
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(3), '3');
});

/** A stored guest, waiting, for the CSV's own tests. */
const guest = (id: string): Guest => ({
  id,
  roomPk: 1,
  linkId: 'l',
  linkName: 'Press',
  name: id,
  email: `${id}@example.com`,
  status: 'waiting',
  createdAt: 0,
  decidedAt: null,
  online: false,
  lastSeenAt: null,
  knocks: 0,
  knockedAt: null,
  waitingSince: 0,
  admittedAt: null,
  decidedBy: null,
  leftAt: null,
  erasedAt: null,
});

test('ids never begin with a dash, which the CSV export would have to neutralise', () => {
  const firsts = new Set(Array.from({ length: 5000 }, () => randomId()[0]));
  assert.ok(!firsts.has('-'));
  assert.ok(firsts.has('_') && firsts.size === 63, 'every other base64url character still begins one');
});

test('the CSV stream reads page after page as the client reads, and stops when it goes away', async () => {
  const pages: Record<string, GuestPage> = {
    two: { guests: [guest('b')], nextCursor: 'three' },
    three: { guests: [guest('c')], nextCursor: null },
  };
  const asked: string[] = [];
  const next = async (cursor: string) => {
    asked.push(cursor);
    return pages[cursor] as GuestPage;
  };
  const whole = await new Response(guestCsvStream({ guests: [guest('a')], nextCursor: 'two' }, next)).text();
  assert.deepEqual(
    whole
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(asked, ['two', 'three']);
  asked.length = 0;
  const reader = guestCsvStream({ guests: [guest('a')], nextCursor: 'two' }, next).getReader();
  await reader.read();
  await reader.cancel();
  assert.ok(asked.length <= 1, 'no page is read after the client went away');
});

test('answers …/guests as CSV only when the Accept header prefers CSV to JSON', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  await arrive(room, 'Ada');
  const typeFor = async (accept: string) =>
    (await csvOf(room, '/guests', { accept })).response.headers.get('content-type') ?? '';
  for (const accept of ['text/csv;q=0, application/json', 'application/json, text/csv;q=0.5', '*/*'])
    assert.match(await typeFor(accept), /^application\/json/, accept);
  for (const accept of ['text/csv', 'application/json;q=0.1, text/csv', 'TEXT/CSV; charset=utf-8'])
    assert.match(await typeFor(accept), /^text\/csv/, accept);
});
