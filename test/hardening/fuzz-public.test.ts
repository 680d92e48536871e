// Fuzzing the public and guest routes (no bearer, or a guest session), the entry page, the assets and
// unknown routes: SPEC section 4, "every input is validated", and rule 14 (no oracle for unknown tokens).
import { test } from 'node:test';
import { fuzzRoute, RUNS } from './fuzz.ts';

test(`never answers GET /v1/links/:token with a 5xx (${RUNS} generated requests)`, (t) =>
  fuzzRoute(t, { bearer: 'none', method: 'GET', path: '/v1/links/:token', ok: [200], writes: false }));

test(`never answers POST /v1/links/:token/guests with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    bearer: 'none',
    method: 'POST',
    path: '/v1/links/:token/guests',
    body: { name: 'Grace', email: 'grace@example.com' },
    ok: [201],
    writes: true,
  }));

test(`never answers GET /v1/guest/session with a 5xx`, (t) =>
  fuzzRoute(t, {
    bearer: 'guest-session',
    method: 'GET',
    path: '/v1/guest/session',
    ok: [200],
    writes: false,
  }));

test(`never answers GET /v1/guest/events with a 5xx, and leaks no listener`, (t) =>
  fuzzRoute(t, {
    bearer: 'guest-session',
    method: 'GET',
    path: '/v1/guest/events',
    ok: [200],
    // An open stream is the guest's presence: it counts a connection and when they were last seen.
    writes: true,
  }));

test(`never answers DELETE /v1/guest/session with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    bearer: 'guest-session',
    method: 'DELETE',
    path: '/v1/guest/session',
    ok: [204],
    writes: true,
  }));

test(`never answers GET /g/:token with a 5xx`, (t) =>
  fuzzRoute(t, { bearer: 'none', method: 'GET', path: '/g/:token', ok: [200], writes: false }));

test(`never answers GET /assets/:path, /healthz or /v1/openapi.json with a 5xx`, async (t) => {
  for (const path of ['/assets/:token', '/assets/chunks/:token', '/healthz', '/v1/openapi.json']) {
    await fuzzRoute(t, { bearer: 'none', method: 'GET', path, ok: [200, 304], writes: false });
  }
});

test(`refuses unknown routes and wrong methods with a 4xx error, whatever they carry`, async (t) => {
  for (const [method, path] of [
    ['GET', '/v1/:room'],
    ['PUT', '/v1/links/:token'],
    ['PUT', '/v1/rooms/:room/links/:link'], // PATCH is the edit (issue 15)
    ['POST', '/g/:token'],
    ['DELETE', '/v1/admin/tenant'],
  ] as const) {
    await fuzzRoute(t, { bearer: 'host', method, path, ok: [], writes: false });
  }
});
