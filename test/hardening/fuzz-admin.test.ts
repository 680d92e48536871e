// Fuzzing the admin routes (the tenant's API key): SPEC section 4, "every input is validated".
import { test } from 'node:test';
import { fuzzRoute, RUNS } from './fuzz.ts';

const admin = { bearer: 'api-key' } as const;

test(`never answers PUT /v1/admin/rooms/:roomId with a 5xx, nor writes when refusing (${RUNS} generated requests)`, (t) =>
  fuzzRoute(t, {
    ...admin,
    method: 'PUT',
    path: '/v1/admin/rooms/:room',
    body: {
      title: 'Launch',
      type: 'room',
      startsAt: '2026-06-12T14:00:00Z',
      endsAt: '2026-06-12T15:00:00Z',
      timeZone: 'Europe/Paris',
      joinUrl: 'https://media.example/watch',
    },
    ok: [200, 201],
    writes: true,
  }));

test(`never answers DELETE /v1/admin/rooms/:roomId with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, { ...admin, method: 'DELETE', path: '/v1/admin/rooms/:room', ok: [204], writes: true }));

test(`never answers GET /v1/admin/tenant with a 5xx`, (t) =>
  fuzzRoute(t, { ...admin, method: 'GET', path: '/v1/admin/tenant', ok: [200], writes: false }));

test(`never answers PATCH /v1/admin/tenant with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    ...admin,
    method: 'PATCH',
    path: '/v1/admin/tenant',
    body: {
      name: 'Acme',
      allowedOrigins: ['https://a.example'],
      modules: { inviteToMedia: true, theming: { mediaPage: true } },
      branding: { logoUrl: 'https://cdn.example/logo.png', accentColor: '#123456' },
      guestUrlTemplate: 'https://a.example/guest/{token}',
    },
    ok: [200],
    writes: true,
  }));

test(`never answers POST /v1/admin/tenant/signing-secrets with a 5xx, nor writes when refusing`, (t) =>
  fuzzRoute(t, {
    ...admin,
    method: 'POST',
    path: '/v1/admin/tenant/signing-secrets',
    ok: [201],
    writes: true,
  }));
