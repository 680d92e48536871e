// The lobby order (a room's waiting guests, oldest first) reads a partial index of waiting guests only:
// the store's own statements use it, in order, with no sort of their own, and other rows never enter it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../../api/store/sqlite/db.ts';
import { createSqliteStore } from '../../api/store/sqlite/index.ts';

test("the store's lobby statements read the partial index guests_room_waiting, with no sort of their own", () => {
  const db = openDb(':memory:');
  // Every statement the store prepares, to find the lobby's own.
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  const store = createSqliteStore(db);
  try {
    const indexes = db.pragma('index_list(guests)') as { name: string; partial: number }[];
    assert.deepEqual(
      indexes.filter((index) => index.name.startsWith('guests_room_') && index.name.includes('waiting')),
      indexes.filter((index) => index.name === 'guests_room_waiting' && index.partial === 1),
    );
    assert.equal(indexes.filter((index) => index.name === 'guests_room_waiting').length, 1);

    const lobby = prepared.filter((sql) => /room_pk = \? AND status = 'waiting'/.test(sql));
    // The waiting line, a guest's place in it, and admitting everyone waiting.
    assert.equal(lobby.length, 3, `lobby statements found: ${lobby.join(' | ')}`);
    for (const sql of lobby) {
      const parameters = Array.from(sql.matchAll(/\?/g), () => 0);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[])
        .map((row) => row.detail)
        .join('; ');
      // Admitting everyone may read another index of the room's guests by status; none scans the table.
      if (sql.startsWith('SELECT')) assert.match(plan, /USING (COVERING )?INDEX guests_room_waiting/, sql);
      assert.doesNotMatch(plan, /SCAN guests|TEMP B-TREE/, sql);
    }
  } finally {
    store.close();
  }
});
