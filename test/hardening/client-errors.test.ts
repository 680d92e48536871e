// Issue 10, item 15b: requests Node's HTTP parser refuses before the app sees them still get the API's JSON
// error shape and a 4xx, not Node's bare status line.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { freshApi } from '../api/helpers.ts';

test('answers a 20 KB header with 431 header_too_large in the JSON error shape', async (t) => {
  const api = await freshApi(t);
  const response = await fetch(`${api.url}/healthz`, { headers: { cookie: `a=${'x'.repeat(20_000)}` } });
  assert.equal(response.status, 431);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.match(response.headers.get('x-request-id') ?? '', /^[\w-]{36}$/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'header_too_large');
  assert.ok(body.error.message);
  // The server still answers the next request.
  assert.equal((await fetch(`${api.url}/healthz`)).status, 200);
});

test('answers a request that is not HTTP with 400 validation_failed in the JSON error shape', async (t) => {
  const api = await freshApi(t);
  const { port, hostname } = new URL(api.url);
  const raw = await new Promise<string>((resolve, reject) => {
    let text = '';
    const socket = connect(Number(port), hostname, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
  assert.match(raw, /^HTTP\/1\.1 400 /);
  assert.match(raw, /content-type: application\/json/i);
  assert.match(raw, /\r\nX-Request-Id: [\w-]{36}\r\n/i, 'every answer carries X-Request-Id');
  assert.equal(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error.code, 'validation_failed');
});
