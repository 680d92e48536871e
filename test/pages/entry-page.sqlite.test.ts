// The guest entry page's response: headers (no-referrer, noindex, strict CSP), a title that names the
// room only for a usable link, the page language, and the /assets/ files — through createApp.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../../api/app.ts';
import { createTenant } from '../../api/auth.ts';
import { createDeps } from '../../api/context.ts';
import { openDb } from '../../api/store/sqlite/db.ts';
import { createSqliteStore } from '../../api/store/sqlite/index.ts';
import { hostToken } from '../support/api-fixture.ts';

const ROOM_TITLE = 'Make your next event & a next-level event';

/** An app on a fresh in-memory database with one room and one link, made through the API itself. */
async function appWithLink(branding: { logoUrl?: string } = {}) {
  const deps = createDeps({
    store: createSqliteStore(openDb(':memory:')),
    config: { serverSecret: Buffer.alloc(32, 7), rateLimitPerMinute: 0 },
  });
  const app = createApp(deps);
  const now = deps.clock.now();
  const created = await createTenant(deps.store, deps.config.serverSecret, { name: 'Tenant' }, now);
  const json = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  await json('PUT', '/v1/admin/rooms/r1', created.apiKey, {
    title: ROOM_TITLE,
    type: 'room',
    startsAt: '2026-06-12T14:00:00.000Z',
    endsAt: '2026-06-12T14:45:00.000Z',
    timeZone: 'America/New_York',
  });
  if (branding.logoUrl) await json('PATCH', '/v1/admin/tenant', created.apiKey, { branding });
  const host = await hostToken({
    tenantId: created.tenant.id,
    signingSecret: created.signingSecret,
    room: 'r1',
    now,
  });
  await json('PATCH', '/v1/rooms/r1/guest-access', host, { enabled: true });
  const link = (await (await json('POST', '/v1/rooms/r1/links', host, { name: 'Guests' })).json()) as {
    url: string;
  };
  const token = new URL(link.url).pathname.split('/').pop() as string;
  return {
    app,
    token,
    turnAccessOff: () => json('PATCH', '/v1/rooms/r1/guest-access', host, { enabled: false }),
  };
}

const titleOf = (html: string) => /<title>(.*)<\/title>/.exec(html)?.[1];

/** A built file's import specifiers: `static` (import … from) or `dynamic` (import(…)), as dist/ paths. */
function importsOf(file: string, kind: 'static' | 'dynamic'): string[] {
  const path = new URL(`../../dist/${file}`, import.meta.url);
  assert.ok(existsSync(path), `dist/${file} is missing: run \`node build.mjs\` first`);
  const pattern = kind === 'static' ? /from\s*"(\.\/[^"]+\.js)"/g : /import\("(\.\/[^"]+\.js)"\)/g;
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...readFileSync(path, 'utf8').matchAll(pattern)].map(
    (match) => `${folder}${(match[1] as string).slice(2)}`,
  );
}

describe('GET /g/:token', () => {
  it('sends no-referrer, noindex, no-store and a strict CSP without inline script', async () => {
    const { app, token } = await appWithLink();
    const response = await app.request(`/g/${token}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.match(response.headers.get('x-robots-tag') ?? '', /\bnoindex\b/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const csp = Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '').split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    assert.equal(csp['default-src'], "'none'");
    assert.equal(csp['script-src'], "'self'");
    assert.equal(csp['style-src'], "'self'");
    assert.equal(csp['connect-src'], "'self'");
    assert.equal(csp['base-uri'], "'none'");
    assert.equal(csp['form-action'], "'none'");
    assert.equal(csp['frame-ancestors'], "'none'");
    const html = await response.text();
    // Every script is an external file: the CSP allows nothing else.
    for (const [script] of html.matchAll(/<script[^>]*>/g))
      assert.match(script, /src="\/assets\/[\w.-]+\.js"/);
    assert.doesNotMatch(html, /<style|style="/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1"/);
    assert.match(html, new RegExp(`<guest-entry-form token="${token}">`));
  });

  it("names the entry form's chunks ahead, so the browser fetches them at once rather than in turn", async () => {
    const { app, token } = await appWithLink();
    const html = await (await app.request(`/g/${token}`)).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/assets\/([^"]+)" \/>/g)].map(
      (match) => match[1] as string,
    );
    // What the bundle imports, and its content's chunk (fetched beside the link's request) with its imports.
    const [content, ...more] = importsOf('guest-entry-form.js', 'dynamic').filter((file) =>
      /guest-entry-form-entry-view-/.test(file),
    );
    assert.ok(content && more.length === 0, 'the bundle imports no content chunk, or several');
    const expected = new Set([
      ...importsOf('guest-entry-form.js', 'static'),
      content,
      ...importsOf(content, 'static'),
    ]);
    assert.deepEqual(new Set(preloaded), expected);
    for (const path of preloaded) {
      const response = await app.request(`/assets/${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/, path);
    }
  });

  it('names the room in the title of a usable link, escaped', async () => {
    const { app, token } = await appWithLink();
    const html = await (await app.request(`/g/${token}`)).text();
    assert.equal(titleOf(html), 'Make your next event &amp; a next-level event');
  });

  it('gives an unknown token the same neutral title as a real link that cannot be used', async () => {
    const { app, token, turnAccessOff } = await appWithLink();
    const unknown = await app.request('/g/x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq');
    assert.equal(unknown.status, 200);
    assert.equal(titleOf(await unknown.text()), 'Guest access');
    await turnAccessOff();
    const unusable = await app.request(`/g/${token}`);
    assert.equal(unusable.status, 200);
    assert.equal(titleOf(await unusable.text()), 'Guest access');
    assert.equal(
      unusable.headers.get('content-security-policy'),
      unknown.headers.get('content-security-policy'),
    );
  });

  it('tells a guest whose browser runs no scripts why the page is empty, in their language', async () => {
    const { app } = await appWithLink();
    const page = async (acceptLanguage: string) =>
      (await app.request('/g/unknown', { headers: { 'accept-language': acceptLanguage } })).text();
    const noScript = (html: string) => /<noscript>([\s\S]*)<\/noscript>/.exec(html)?.[1] ?? '';
    assert.match(noScript(await page('en')), /<h1>JavaScript is needed to join<\/h1>/);
    assert.match(noScript(await page('he')), /<h1>כדי להצטרף צריך JavaScript<\/h1>/);
    assert.match(noScript(await page('es')), /abre este enlace en otro navegador/);
  });

  it('escapes whatever the path carries', async () => {
    const { app } = await appWithLink();
    const html = await (await app.request(`/g/${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /token="&quot;&gt;&lt;script&gt;/);
  });

  it('speaks the first supported language of Accept-Language, right to left for Hebrew', async () => {
    const { app } = await appWithLink();
    const page = async (acceptLanguage?: string) =>
      (
        await app.request('/g/unknown', {
          headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
        })
      ).text();
    assert.match(await page('he-IL,he;q=0.9,en;q=0.8'), /<html lang="he" dir="rtl">/);
    assert.match(await page('fr-FR, es;q=0.8, en;q=0.5'), /<html lang="es" dir="ltr">/);
    assert.match(await page('en;q=0.2, es;q=0.9'), /<html lang="es"/);
    assert.match(await page('fr'), /<html lang="en" dir="ltr">/);
    assert.match(await page(), /<html lang="en"/);
    assert.equal(titleOf(await page('he')), 'גישת אורחים');
  });

  it("allows the tenant's logo origin for images, and nothing more", async () => {
    const { app, token } = await appWithLink({ logoUrl: 'https://cdn.example.com/logo.png' });
    const csp = (await app.request(`/g/${token}`)).headers.get('content-security-policy') ?? '';
    assert.match(csp, /img-src 'self' https:\/\/cdn\.example\.com(;|$)/);
  });
});

describe('GET /assets/*', () => {
  it("serves the entry page's stylesheet", async () => {
    const { app } = await appWithLink();
    const response = await app.request('/assets/guest-entry-page.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css/);
  });

  it('serves nothing outside the widget bundles', async () => {
    const { app } = await appWithLink();
    for (const path of [
      '../package.json',
      '..%2Fpackage.json',
      '%2e%2e/%2e%2e/package.json',
      'chunks/../../package.json',
      'server/cli.js',
      '.hidden.js',
      'guest-entry-form.ts',
      'missing.js',
    ]) {
      const response = await app.request(`/assets/${path}`);
      assert.equal(response.status, 404, path);
    }
  });

  const built = existsSync(new URL('../../dist/guest-entry-form.js', import.meta.url));
  it('serves the built bundle as JavaScript, revalidated by ETag', {
    skip: !built && 'needs `npm run build`',
  }, async () => {
    const { app } = await appWithLink();
    const response = await app.request('/assets/guest-entry-form.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(response.headers.get('cache-control') ?? '', /must-revalidate/);
    const etag = response.headers.get('etag') ?? '';
    assert.ok(etag);
    const again = await app.request('/assets/guest-entry-form.js', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  it('sends the widget files gzipped to a browser that accepts it, as they are to one that does not', {
    skip: !built && 'needs `npm run build`',
  }, async () => {
    const { app } = await appWithLink();
    const content = importsOf('guest-entry-form.js', 'dynamic').find((file) => /entry-view-/.test(file));
    for (const path of ['/assets/guest-entry-form.js', `/assets/${content}`]) {
      const plain = await app.request(path);
      assert.equal(plain.headers.get('content-encoding'), null, path);
      const text = await plain.text();
      const zipped = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(zipped.status, 200, path);
      assert.equal(zipped.headers.get('content-encoding'), 'gzip', path);
      assert.match(zipped.headers.get('vary') ?? '', /Accept-Encoding/, path);
      const body = Buffer.from(await zipped.arrayBuffer());
      assert.ok(body.length < text.length / 2, `${path}: ${body.length} of ${text.length} bytes`);
      assert.equal(gunzipSync(body).toString(), text, path);
    }
  });
});
