// SPEC rule 2 for guest and link names against spoofing: no bidi controls or other controls, at least one
// visible character, well-formed UTF-16, and NFC in storage — one schema for both names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseSnapshot, harness } from './harness.ts';

const refusedNames: Record<string, string> = {
  'right-to-left override': 'Ana\u202Egnp.exe',
  'left-to-right embedding': '\u202AAna',
  'pop directional formatting': 'Ana\u202C',
  'right-to-left isolate': 'Ana \u2067Bob',
  'pop directional isolate': 'Ana\u2069',
  'left-to-right mark': 'Ana\u200E',
  'right-to-left mark': '\u200FAna',
  'Arabic letter mark': 'Ana\u061C',
  'line separator': 'Ana\u2028Bob',
  'a tab': 'Ana\tBob',
  'only a zero-width space': '\u200B',
  'only a Hangul filler': '\u3164',
  'only byte-order marks': '\uFEFF\uFEFF',
  'only invisible characters and spaces': '\u200B \u2060 \u00AD',
  'only a combining accent': '\u0301',
  'only a Braille blank': '\u2800',
  'a lone high surrogate': 'Ana\uD800',
  'a lone low surrogate': '\uDC00Ana',
};

test('refuses guest and link names with bidi or other controls, without a visible character, or with lone surrogates', async (t) => {
  const h = await harness(t);
  const before = await databaseSnapshot(h.db);
  for (const [why, name] of Object.entries(refusedNames)) {
    const guest = await h.send({
      method: 'POST',
      path: `/v1/links/${h.known.linkTokens[1]}/guests`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, email: 'ana@example.com' }),
    });
    const link = await h.send({
      method: 'POST',
      path: '/v1/rooms/r1/links',
      headers: { authorization: `Bearer ${h.known.hostToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    for (const [what, answer] of [
      ['guest', guest],
      ['link', link],
    ] as const) {
      const error = (answer.json as { error: { code: string; fields?: Record<string, string> } }).error;
      assert.deepEqual([answer.status, error.code], [400, 'validation_failed'], `${what}: ${why}`);
      assert.match(
        error.fields?.name ?? '',
        /^(Name|Link name) (must|contains|is required)/,
        `${what}: ${why}`,
      );
    }
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing was stored');
});

test('accepts names in any script, with joiners inside emoji and words, and stores them NFC-normalised', async (t) => {
  const h = await harness(t);
  const accepted = ['שרה כהן', 'محمد', 'Zoe\u0301 Smith', '👩\u200D💻 Ana', 'می\u200Cخواهم', '  Ana  '];
  for (const name of accepted) {
    const guest = await h.send({
      method: 'POST',
      path: `/v1/links/${h.known.linkTokens[1]}/guests`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, email: 'ana@example.com' }),
    });
    assert.equal(guest.status, 201, name);
    assert.equal((guest.json as { guest: { name: string } }).guest.name, name.trim().normalize('NFC'));
  }
  const link = await h.send({
    method: 'POST',
    path: '/v1/rooms/r1/links',
    headers: { authorization: `Bearer ${h.known.hostToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Zoe\u0301' }),
  });
  assert.equal(link.status, 201);
  assert.equal((link.json as { name: string }).name, 'Zoé');
  const stored = (await h.db.all<{ name: string }>('SELECT name FROM guests WHERE name LIKE ?', ['Zo%'])).map(
    (row) => row.name,
  );
  assert.deepEqual(stored, ['Zoé Smith'], 'the composed form is stored');
});

test('refuses room titles and tenant names with a NUL, other controls, bidi controls or lone surrogates', async (t) => {
  // Both are shown to guests on the entry page; a NUL in either was a 500 on PostgreSQL (text takes no NUL).
  const h = await harness(t);
  const before = await databaseSnapshot(h.db);
  const admin = h.sendAdmin;
  for (const [why, text] of Object.entries({ 'a NUL': 'Ana\u0000Bob', ...refusedNames })) {
    for (const [field, answer] of [
      ['title', await admin('PUT', '/v1/admin/rooms/r9', { title: text })],
      ['name', await admin('PATCH', '/v1/admin/tenant', { name: text })],
    ] as const) {
      const error = (answer.json as { error: { code: string; fields?: Record<string, string> } }).error;
      assert.deepEqual([answer.status, error.code], [400, 'validation_failed'], `${field}: ${why}`);
      assert.match(
        error.fields?.[field] ?? '',
        /^(Title|Name) (must|contains|is required)/,
        `${field}: ${why}`,
      );
    }
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing was stored');

  const room = await admin('PUT', '/v1/admin/rooms/r9', { title: '  שיעור Zoe\u0301 🎬  ' });
  assert.equal(room.status, 201);
  assert.equal((room.json as { title: string }).title, 'שיעור Zoé 🎬');
});

test('refuses a JSON body that is not UTF-8 rather than storing U+FFFD for its broken bytes', async (t) => {
  const h = await harness(t);
  const before = await databaseSnapshot(h.db);
  const brokenNames = [
    [0x41, 0xff], // a byte no UTF-8 has
    [0xed, 0xa0, 0x80], // an encoded surrogate
    [0x41, 0xc3], // a sequence cut short
  ];
  for (const name of brokenNames) {
    for (const [path, rest] of [
      ['/v1/rooms/r1/links', ''],
      [`/v1/links/${h.known.linkTokens[1]}/guests`, ',"email":"ana@example.com"'],
    ]) {
      // In-process, and over HTTP as in production (@hono/node-server reads the body its own way).
      for (const send of [h.send, h.sendOverHttp]) {
        const answer = await send({
          method: 'POST',
          path: path as string,
          headers: { authorization: `Bearer ${h.known.hostToken}`, 'content-type': 'application/json' },
          body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from(name), Buffer.from(`"${rest}}`)]),
        });
        const { error } = answer.json as { error: { code: string; message: string } };
        assert.deepEqual([answer.status, error.code], [400, 'validation_failed'], `${path} ${name}`);
        assert.match(error.message, /not valid UTF-8/);
      }
    }
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing was stored');
});

test('reads a UTF-8 JSON body as the Fetch standard does: a leading byte-order mark dropped, every script kept', async (t) => {
  const h = await harness(t);
  const name = 'Zoé 李 שרה 🎬';
  for (const [how, send] of [
    ['in-process', h.send],
    ['over HTTP', h.sendOverHttp],
  ] as const) {
    for (const bom of ['', '\uFEFF']) {
      const answer = await send({
        method: 'POST',
        path: `/v1/links/${h.known.linkTokens[1]}/guests`,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: Buffer.from(`${bom}${JSON.stringify({ name, email: 'zoe@example.com' })}`),
      });
      assert.equal(
        answer.status,
        201,
        `${how}, ${bom ? 'with' : 'without'} a byte-order mark: ${answer.text}`,
      );
      assert.equal((answer.json as { guest: { name: string } }).guest.name, name);
    }
  }
});

test('refuses a JSON body declared in another charset rather than reading it as UTF-8, and stores nothing', async (t) => {
  const h = await harness(t);
  const before = await databaseSnapshot(h.db);
  const send = (contentType: string, body: BodyInit) =>
    h.app.request(`/v1/links/${h.known.linkTokens[1]}/guests`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
  const guest = (name: string) => JSON.stringify({ name, email: 'ana@example.com' });
  for (const [contentType, body] of [
    ['application/json; charset=latin1', Buffer.from(guest('Ana'), 'latin1')],
    ['application/json;charset="ISO-8859-1"', Buffer.from(guest('Ana'), 'latin1')],
    ['application/json; charset=utf-16', Buffer.from(guest('Ana'), 'utf16le')],
    ['application/json; Charset=UTF-16LE', Buffer.from(guest('Ana'), 'utf16le')],
    ['application/json; charset=utf-8; charset=latin1', Buffer.from(guest('Ana'))],
    ['application/json; charset=no-such-charset', Buffer.from(guest('Ana'))],
  ] as const) {
    const response = await send(contentType, body);
    const { error } = (await response.json()) as {
      error?: { code: string; message: string; fields?: Record<string, string> };
    };
    assert.deepEqual([response.status, error?.code], [400, 'validation_failed'], contentType);
    assert.match(error?.message ?? '', /JSON encoded as UTF-8: send it with Content-Type: application\/json/);
    assert.deepEqual(Object.keys(error?.fields ?? {}), ['Content-Type'], contentType);
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing was stored');

  // UTF-8 by any of its names, quoted or not, in any case.
  for (const [contentType, name] of [
    ['application/json; charset=utf-8', 'Zoé'],
    ['application/json;charset="UTF-8"', 'Zoë'],
    ['application/json; charset=utf8', 'Zoî'],
  ] as const)
    assert.equal((await send(contentType, Buffer.from(guest(name)))).status, 201, contentType);
});
