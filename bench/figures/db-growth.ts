// Figure 7: the time of one redemption (one connection, so one at a time) with 1 and with 1,000,000 guests
// already stored on the link's room. The million rows go in by one bulk INSERT … SELECT in a transaction
// straight into the temporary database (a bench shortcut; random ids and session hashes, so index inserts
// land all over the B-trees as real ones do). The two servers take the load in alternating slices.
// Target: ratio of the times ≤ 1.5 (indexes keep it flat).
import Database from 'better-sqlite3';
import { compare, productContender } from '../lib/compare.ts';
import type { Figure } from '../lib/figure.ts';
import type { SeededRoom } from '../lib/fixture.ts';
import { fixed, ms } from '../lib/stats.ts';
import { redemptionLoad } from './redemption.ts';

const MANY = 1_000_000;

/** Stores `count` admitted guests of the room's first link, as if they had redeemed it over the past days. */
export function storeGuests(dbFile: string, room: SeededRoom, count: number) {
  const db = new Database(dbFile);
  db.pragma('cache_size = -262144');
  const linkId = room.links[0]?.id;
  const roomPk = db.prepare('SELECT room_pk FROM links WHERE id = ?').pluck().get(linkId);
  const now = Date.now();
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
       INSERT INTO guests (id, room_pk, link_id, name, email, status, session_hash, created_at, decided_at)
       SELECT lower(hex(randomblob(11))), @roomPk, @linkId, 'Seeded guest ' || i, 'seeded' || i || '@example.com',
         'admitted', randomblob(32), @now - (@count - i) * 100, @now - (@count - i) * 100 FROM n`,
    ).run({ count, roomPk, linkId, now });
    // The link's use count stays equal to its guests, as redemptions keep it.
    db.prepare('UPDATE links SET uses = uses + ? WHERE id = ?').run(count, linkId);
  }).immediate();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export const dbGrowth: Figure = {
  id: 'db-growth',
  title: 'Database growth',
  async measure(context) {
    let seedSeconds = 0;
    const single = (url: string, room: SeededRoom) => ({ ...redemptionLoad(url, room), connections: 1 });
    const { ours, baseline, ratio } = await compare(
      context,
      productContender(context, single, { prepare: (dbFile, room) => storeGuests(dbFile, room, 1) }),
      productContender(context, single, {
        prepare: (dbFile, room) => {
          const started = performance.now();
          storeGuests(dbFile, room, MANY);
          seedSeconds = (performance.now() - started) / 1000;
        },
      }),
    );
    const timeRatio = 1 / ratio;
    return {
      rows: [
        {
          figure: '7. Redemption time, 1,000,000 vs 1 guest stored (1 conn)',
          ours: `${ms(ours.mean)} mean, p99 ${ms(ours.p99)}`,
          baseline: `${ms(baseline.mean)} mean, p99 ${ms(baseline.p99)}`,
          ratio: `${fixed(timeRatio, 2)}×`,
          target: '≤ 1.5×',
          met: timeRatio <= 1.5,
        },
      ],
      notes: [
        `Database growth: ${MANY.toLocaleString('en-US')} guests stored by one bulk insert in ${fixed(seedSeconds)} s; the ratio is the median over alternating slices of the per-redemption time.`,
      ],
    };
  },
};
