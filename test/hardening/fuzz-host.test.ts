// Fuzzing the host routes (host token for the room in the path): SPEC section 4, "every input is validated".
import { test } from 'node:test';
import { fuzzRoute, RUNS } from './fuzz.ts';

const host = { bearer: 'host' } as const;

test(`never answers GET /v1/rooms/:roomId/guest-access with a 5xx (${RUNS} generated requests)`, (t) =>
  fuzzRoute(t, { ...host, method: 'GET', path: '/v1/rooms/:room/guest-access', ok: [200], writes: false }));

test(`never answers PATCH /v1/rooms/:roomId/guest-access with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    ...host,
    method: 'PATCH',
    path: '/v1/rooms/:room/guest-access',
    body: { enabled: true, admission: 'auto' },
    ok: [200],
    writes: true,
  }));

test(`never answers POST /v1/rooms/:roomId/links with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    ...host,
    method: 'POST',
    path: '/v1/rooms/:room/links',
    body: { name: 'Guests', maxUses: 10, durationDays: 7 },
    ok: [201],
    writes: true,
  }));

test(`never answers DELETE /v1/rooms/:roomId/links/:linkId with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, { ...host, method: 'DELETE', path: '/v1/rooms/:room/links/:link', ok: [204], writes: true }));

test(`never answers GET /v1/rooms/:roomId/guests with a 5xx`, (t) =>
  fuzzRoute(t, {
    ...host,
    method: 'GET',
    path: '/v1/rooms/:room/guests',
    query: ['status'],
    ok: [200],
    writes: false,
  }));

for (const decision of ['admit', 'deny', 'remove']) {
  test(`never answers POST /v1/rooms/:roomId/guests/:guestId/${decision} with a 5xx, nor writes when refusing`, (t) =>
    fuzzRoute(t, {
      ...host,
      method: 'POST',
      path: `/v1/rooms/:room/guests/:guest/${decision}`,
      ok: [200],
      writes: true,
    }));
}

test(`never answers POST /v1/rooms/:roomId/guests/admit-all with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    ...host,
    method: 'POST',
    path: '/v1/rooms/:room/guests/admit-all',
    ok: [200],
    writes: true,
  }));

test(`never answers GET /v1/rooms/:roomId/events with a 5xx, and leaks no listener`, (t) =>
  fuzzRoute(t, { ...host, method: 'GET', path: '/v1/rooms/:room/events', ok: [200], writes: false }));
