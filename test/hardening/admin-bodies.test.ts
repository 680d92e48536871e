// Issue 14, item 7: the admin API refuses fields it does not know, naming each (a misspelt field used to be
// ignored and answered 200), and a body not sent as JSON is refused naming the Content-Type header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseSnapshot, harness } from './harness.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

test('the admin API refuses unknown fields and names a missing JSON Content-Type (item 7)', async (t) => {
  const h = await harness(t);
  const admin = (method: string, path: string, body: string, contentType?: string) =>
    h.send({
      method,
      path,
      headers: {
        authorization: `Bearer ${h.known.apiKey}`,
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
      },
      body,
    });
  const before = await databaseSnapshot(h.db);

  for (const [method, path, body, field] of [
    ['PATCH', '/v1/admin/tenant', { origins: ['https://b.example'] }, 'origins'],
    ['PATCH', '/v1/admin/tenant', { modules: { inviteToMedia: true, invite: false } }, 'modules.invite'],
    [
      'PATCH',
      '/v1/admin/tenant',
      { modules: { theming: { mediaPages: true } } },
      'modules.theming.mediaPages',
    ],
    ['PATCH', '/v1/admin/tenant', { branding: { color: '#123456' } }, 'branding.color'],
    ['PUT', '/v1/admin/rooms/r9', { title: 'Room', start: '2026-06-12T14:00:00Z' }, 'start'],
  ] as const) {
    const answer = await admin(method, path, JSON.stringify(body), 'application/json');
    const { error } = answer.json as ErrorBody;
    assert.equal(answer.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(Object.keys(error.fields ?? {}), [field]);
    assert.match(error.fields?.[field] ?? '', /^Unknown field; the fields are /);
  }

  for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
    const answer = await admin('PUT', '/v1/admin/rooms/r9', '{"title":"Room"}', contentType);
    const { error } = answer.json as ErrorBody;
    assert.equal(answer.status, 400, String(contentType));
    assert.match(error.message, /Content-Type/);
    assert.deepEqual(Object.keys(error.fields ?? {}), ['Content-Type'], 'the header, not a missing title');
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing written');

  // The fields it knows still work, and the OpenAPI document says no others are allowed.
  const ok = await admin(
    'PATCH',
    '/v1/admin/tenant',
    '{"name":"Renamed"}',
    'application/json; charset=utf-8',
  );
  assert.equal(ok.status, 200);
  const openapi = (await h.send({ method: 'GET', path: '/v1/openapi.json' })).json as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>>;
  };
  const schema = openapi.paths['/v1/admin/tenant']?.patch?.requestBody?.content['application/json']?.schema;
  assert.equal((schema as { additionalProperties?: boolean })?.additionalProperties, false);
});
