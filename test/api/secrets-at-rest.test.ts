// Security promise: a copy of the database alone yields no working link URL, guest session, API key
// or signing secret.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { openRawDatabase } from '../support/raw-database.ts';
import { TEST_ENGINE } from '../support/test-database.ts';
import { host, redeem, roomWith } from './helpers.ts';

/** Everything the database holds: its files (SQLite), or every row of every table (PostgreSQL). */
async function storedBytes(location: string): Promise<Buffer[]> {
  if (TEST_ENGINE === 'sqlite') {
    const folder = dirname(location);
    return readdirSync(folder)
      .filter((file) => file.startsWith(basename(location)) && !file.endsWith('.key'))
      .map((file) => readFileSync(join(folder, file)));
  }
  const raw = openRawDatabase(location);
  try {
    const tables = await raw.tables();
    const rows = (await Promise.all(tables.map((table) => raw.all(`SELECT * FROM "${table}"`)))).flat();
    // Byte columns as their bytes, so a secret stored raw would be found as is.
    return rows.flatMap((row) =>
      Object.values(row).map((value) => (Buffer.isBuffer(value) ? value : Buffer.from(String(value)))),
    );
  } finally {
    await raw.close();
  }
}

test('stores no raw token, session, API key or signing secret anywhere in the database files', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }, { name: 'b', maxUses: 4 }] });
  const sessions = [];
  for (let i = 0; i < 3; i++) sessions.push(((await redeem(room)).body as { session: string }).session);
  const rotated = await room.api.request({
    method: 'POST',
    path: '/v1/admin/tenant/signing-secrets',
    token: room.apiKey,
  });
  const newSecret = (rotated.body as { signingSecret: string }).signingSecret;
  assert.equal(
    (await host(room, 'GET', '/guest-access')).status,
    200,
    'tokens signed before rotation still work',
  );

  const bytes = await storedBytes(room.api.database);
  assert.ok(bytes.some((buffer) => buffer.length > 0));
  const secrets: Record<string, string> = {
    apiKey: room.apiKey,
    signingSecret: room.signingSecret,
    newSecret,
    ...Object.fromEntries(room.tokens.map((token, i) => [`link token ${i}`, token])),
    ...Object.fromEntries(sessions.map((session, i) => [`session ${i}`, session])),
  };
  for (const [what, secret] of Object.entries(secrets)) {
    for (const buffer of bytes) {
      assert.equal(buffer.includes(secret), false, `${what} found in the database`);
      assert.equal(buffer.includes(Buffer.from(secret, 'utf16le')), false, `${what} found as UTF-16`);
    }
  }
});
