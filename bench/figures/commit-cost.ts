// Issue 16: what a redemption's commit costs, in-process (no HTTP, no event loop in between), on the
// product's own store and code (`redeem`): each redemption committing alone, and 50 sharing one commit (the
// group commit of a busy turn); beside the bare baseline's insert, alone and 50 per commit. What group commit
// can save is the difference between the two bare figures; what the product does around the insert, the rest.
import Database from 'better-sqlite3';
import { guestSessionToken } from '../../api/auth.ts';
import type { LinkContext } from '../../api/redemption.ts';
import { redeem, resolveLink } from '../../api/redemption.ts';
import { lookupHash, randomId } from '../../api/secrets.ts';
import { openStore } from '../../api/server.ts';
import type { Figure } from '../lib/figure.ts';
import { SERVER_SECRET, seedRoom, tempFolder } from '../lib/fixture.ts';
import { fixed } from '../lib/stats.ts';

const COUNT = 5_000;
const GROUP = 50;

/** µs per operation of `run`, which performs `COUNT` of them. */
async function perOperation(run: () => Promise<void> | void): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1000 / COUNT;
}

export const commitCost: Figure = {
  id: 'commit-cost',
  title: 'Commit cost',
  async measure() {
    const folder = tempFolder();
    try {
      const dbFile = folder.file('commit.db');
      const room = await seedRoom(dbFile);
      const store = await openStore(dbFile);
      const serverSecret = Buffer.from(SERVER_SECRET);
      const context = (await resolveLink(store, room.links[0]?.token as string)) as LinkContext;
      const redeemOne = () => {
        const guestId = randomId();
        const input = {
          guestId,
          sessionHash: lookupHash(guestSessionToken(serverSecret, guestId)),
          name: 'Bench Guest',
          email: 'bench.guest@example.com',
          idempotencyKey: null,
        };
        return redeem(store, context, input, Date.now());
      };
      const alone = await perOperation(async () => {
        for (let index = 0; index < COUNT; index++) await redeemOne();
      });
      const grouped = await perOperation(async () => {
        for (let index = 0; index < COUNT; index += GROUP)
          await Promise.all(Array.from({ length: GROUP }, redeemOne));
      });
      await store.close();

      // The baseline server's table and insert (bench/baseline-server.ts).
      const bare = new Database(folder.file('bare.db'));
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = NORMAL');
      bare.exec(
        'CREATE TABLE guests (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, created_at INTEGER NOT NULL)',
      );
      const insert = bare.prepare('INSERT INTO guests (name, email, created_at) VALUES (?, ?, ?)');
      const bareAlone = await perOperation(() => {
        for (let index = 0; index < COUNT; index++)
          insert.run('Bench Guest', 'bench.guest@example.com', Date.now());
      });
      const insertGroup = bare.transaction(() => {
        for (let index = 0; index < GROUP; index++)
          insert.run('Bench Guest', 'bench.guest@example.com', Date.now());
      });
      const bareGrouped = await perOperation(() => {
        for (let index = 0; index < COUNT; index += GROUP) insertGroup();
      });
      bare.close();

      const us = (value: number) => `${fixed(value, 1)} µs`;
      return {
        rows: [
          {
            figure: `Redemption in-process, each committing alone / ${GROUP} per commit (${COUNT.toLocaleString('en-US')} each)`,
            ours: `${us(alone)} / ${us(grouped)}`,
            baseline: `bare insert: ${us(bareAlone)} / ${us(bareGrouped)}`,
            ratio: '—',
            target: '(reported)',
          },
        ],
        notes: [
          `Commit cost: a bare insert costs ${us(bareAlone)} committing alone and ${us(bareGrouped)} sharing a commit with ${GROUP - 1} others, so a commit (WAL append; synchronous=NORMAL, no fsync) is worth about ${us(bareAlone - bareGrouped)} per redemption; group commit saves the product ${us(alone - grouped)} per redemption. A redemption in-process costs ${us(grouped)} grouped, ${fixed(grouped / bareGrouped, 0)}× the bare insert's: re-reading the link with its room and tenant, the idempotency lookup, the guest row with its indexes, counting the use, the webhook outbox, and the savepoint around each.`,
        ],
      };
    } finally {
      folder.remove();
    }
  },
};
