// What the entry page reads for a link (GET /v1/links/:token): the room and the tenant's branding,
// including its name, which the entry card shows where the tenant has no logo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roomWith } from './helpers.ts';

test("names the tenant in the link's branding, beside its logo and colour", async (t) => {
  const room = await roomWith(t, { name: 'Northwind Traders', links: [{ name: 'Guests' }] });
  const preview = await room.api.request({ path: `/v1/links/${room.tokens[0]}` });
  assert.equal(preview.status, 200);
  assert.deepEqual((preview.body as { branding: unknown }).branding, {
    name: 'Northwind Traders',
    logoUrl: null,
    accentColor: null,
  });
});
