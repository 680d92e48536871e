// The 16 KB body limit on the real server, both ways a body can be framed: a declared Content-Length is
// judged before the body is read, a chunked body by counting it (Hono's bodyLimit). Neither changes anything.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { MAX_BODY_BYTES } from '../../api/app.ts';
import { roomWith } from '../api/helpers.ts';

/** POSTs `body` to `url`, with Content-Length or chunked; the status and the error code answered. */
function post(url: string, body: string, framing: 'length' | 'chunked') {
  return new Promise<{ status: number; error?: string }>((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (framing === 'length') headers['content-length'] = String(Buffer.byteLength(body));
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, error: JSON.parse(text || '{}').error?.code }),
      );
    });
    req.on('error', reject);
    // Chunked: written in pieces, so the server cannot know the length before it has counted.
    for (let offset = 0; offset < body.length; offset += 4096) req.write(body.slice(offset, offset + 4096));
    req.end();
  });
}

for (const framing of ['length', 'chunked'] as const) {
  test(`a body over the limit sent with ${framing === 'length' ? 'Content-Length' : 'chunked framing'} is refused 413 and counts no use`, async (t) => {
    const room = await roomWith(t, { links: [{ name: 'Team' }] });
    const url = `${room.api.url}/v1/links/${room.tokens[0]}/guests`;
    const tooLarge = JSON.stringify({
      name: 'Grace',
      email: 'grace@example.com',
      pad: 'x'.repeat(MAX_BODY_BYTES),
    });
    assert.deepEqual(await post(url, tooLarge, framing), { status: 413, error: 'payload_too_large' });

    const fits = JSON.stringify({ name: 'Grace', email: 'grace@example.com' });
    assert.equal((await post(url, fits, framing)).status, 201);
    const guests = await room.api.request({ path: `/v1/rooms/${room.roomId}/guests`, token: room.hostToken });
    assert.equal((guests.body as { guests: unknown[] }).guests.length, 1);
  });
}
