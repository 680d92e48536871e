// Host and guest bodies refuse a field they do not know, naming it, as the admin API does: a misspelt field
// (`maxuses`, `enable`) would otherwise be ignored and the request answered as if it had been left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { host, redeem, roomWith } from './helpers.ts';

interface ErrorBody {
  error: { code: string; fields?: Record<string, string> };
}

const refusedField = (answer: { status: number; body: unknown }) => {
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  const { error } = answer.body as ErrorBody;
  assert.equal(error.code, 'validation_failed');
  const [field, message] = Object.entries(error.fields ?? {})[0] ?? [];
  assert.match(message ?? '', /^Unknown field; the fields are /);
  return field;
};

test('link create, guest access and redemption refuse an unknown field, naming it, and change nothing', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const links = async () => ((await host(room, 'GET', '/guest-access')).body as { links: unknown[] }).links;

  assert.equal(refusedField(await host(room, 'POST', '/links', { name: 'Crew', maxuses: 3 })), 'maxuses');
  assert.equal((await links()).length, 1, 'no link made');

  assert.equal(refusedField(await host(room, 'PATCH', '/guest-access', { enable: false })), 'enable');
  assert.equal(((await host(room, 'GET', '/guest-access')).body as { enabled: boolean }).enabled, true);

  const body = { name: 'Grace', email: 'grace@example.com', phone: '555' };
  assert.equal(refusedField(await redeem(room, room.tokens[0], body as never)), 'phone');
  const guests = (await host(room, 'GET', '/guests')).body as { guests: unknown[] };
  assert.deepEqual(guests.guests, [], 'no guest, no use counted');
  assert.equal(((await links())[0] as { uses: number }).uses, 0);
});

test('a body without a required field names the field as missing, not the body as not an object', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const missing = (answer: { status: number; body: unknown }) => {
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    return (answer.body as ErrorBody).error.fields;
  };
  assert.deepEqual(missing(await host(room, 'POST', '/links', { maxUses: 3 })), {
    name: 'name is required.',
  });
  assert.deepEqual(missing(await redeem(room, room.tokens[0], { name: 'Grace' } as never)), {
    email: 'email is required.',
  });
  const admin = await room.api.request({
    method: 'PUT',
    path: '/v1/admin/rooms/other',
    token: room.apiKey,
    body: { type: 'room' },
  });
  assert.deepEqual(missing(admin), { title: 'title is required.' });
});

test('a JSON array is refused where an object is expected, and changes nothing', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const linkId = room.links[0]?.id;
  const admin = (method: string, path: string, body: unknown) =>
    room.api.request({ method, path, token: room.apiKey, body });
  for (const [what, answer, field] of [
    ['guest access', await host(room, 'PATCH', '/guest-access', []), 'body'],
    ['link edit', await host(room, 'PATCH', `/links/${linkId}`, []), 'body'],
    ['tenant', await admin('PATCH', '/v1/admin/tenant', []), 'body'],
    ['modules', await admin('PATCH', '/v1/admin/tenant', { modules: [] }), 'modules'],
    ['branding', await admin('PATCH', '/v1/admin/tenant', { branding: [] }), 'branding'],
    ['link create', await host(room, 'POST', '/links', []), 'body'],
  ] as const) {
    assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body)}`);
    const { error } = answer.body as ErrorBody;
    assert.match(error.fields?.[field] ?? '', /must be a JSON object/, what);
  }
  assert.equal(((await host(room, 'GET', '/guest-access')).body as { links: unknown[] }).links.length, 1);
});

test('names an unknown field called __proto__ or constructor like any other', async (t) => {
  const room = await roomWith(t);
  for (const field of ['__proto__', 'constructor', 'toString']) {
    // JSON.parse makes `__proto__` a field of its own (an object literal would set the prototype instead).
    const body = JSON.parse(`{"name":"Press","${field}":{"x":1}}`);
    const answer = await host(room, 'POST', '/links', body);
    assert.equal(refusedField(answer), field);
  }
});
