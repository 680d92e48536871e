// Property-based fuzzing of one route of the contract: generated path parameters, queries, headers, bearers
// and bodies go in; every answer must be the route's 2xx or a 4xx with the error shape, never a 5xx or a
// stack trace, and a refused request (or any read) must leave the database exactly as it was.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import fc from 'fast-check';
import { TEST_ENGINE } from '../support/test-database.ts';
import {
  type BearerKind,
  bearerKind,
  contentType,
  headerValue,
  hostileBody,
  hostileQuery,
  pathSegment,
} from './arbitraries.ts';
import { databaseSnapshot, type Harness, harness, TENANT_ORIGIN } from './harness.ts';

/** Runs per route; FUZZ_RUNS=2000 for a deep local run. Bounded so the files stay well under 30 s. */
export const RUNS = Number(process.env.FUZZ_RUNS) || 50;

type Known = Harness['known'];
type Segment = 'room' | 'link' | 'guest' | 'token';

export interface RouteSpec {
  method: string;
  /** `:room`, `:link`, `:guest` and `:token` are filled with generated segments. */
  path: string;
  /** The bearer that lets a request through; tried more often than the others. */
  bearer: BearerKind;
  /** A valid body, whose fields the fuzzer poisons one by one; undefined: the route takes no body. */
  body?: Record<string, unknown>;
  query?: string[];
  /** The success statuses the contract allows. */
  ok: number[];
  /** Whether a success may change the database. */
  writes: boolean;
}

const realSegments = (known: Known): Record<Segment, string[]> => ({
  // Another room is covered by the bearer for another room.
  room: [known.roomId],
  link: known.linkIds,
  guest: known.guestIds,
  token: known.linkTokens,
});

function bearerHeader(kind: BearerKind, known: Known): string | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'host':
      return `Bearer ${known.hostToken}`;
    case 'host-admit-only':
      return `Bearer ${known.admitOnlyToken}`;
    case 'host-manage-only':
      return `Bearer ${known.manageOnlyToken}`;
    case 'host-other-room':
      return `Bearer ${known.otherRoomToken}`;
    case 'api-key':
      return `Bearer ${known.apiKey}`;
    case 'other-api-key':
      return `Bearer ${known.otherApiKey}`;
    case 'guest-session':
      return `Bearer ${known.guestSessions[0]}`;
    case 'garbage':
      return 'Bearer eyJhbGciOiJub25lIn0.e30.';
    case 'basic':
      return `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    case 'empty-bearer':
      return 'Bearer ';
  }
}

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+/;

/** Fuzzes one route on a fresh harness. */
export async function fuzzRoute(t: TestContext, spec: RouteSpec): Promise<void> {
  const h = await harness(t);
  const segments = realSegments(h.known);
  const names = [...spec.path.matchAll(/:(room|link|guest|token)/g)].map((match) => match[1] as Segment);
  const request = fc.record({
    segments: fc.tuple(...names.map((name) => pathSegment(segments[name]))),
    query: spec.query ? hostileQuery(spec.query) : fc.constant(''),
    bearer: fc.oneof(
      { weight: 3, arbitrary: fc.constant(spec.bearer) },
      { weight: 2, arbitrary: bearerKind },
    ),
    // fetch refuses a body on GET (a client-side error, not something a server sees).
    body: spec.body
      ? hostileBody(spec.body)
      : spec.method === 'GET'
        ? fc.constant(undefined)
        : fc.oneof(fc.constant(undefined), hostileBody({})),
    contentType: spec.body
      ? fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, contentType)
      : contentType,
    origin: fc.option(fc.oneof(fc.constantFrom(TENANT_ORIGIN, 'https://other.example', 'null'), headerValue)),
    extra: fc.dictionary(
      fc.constantFrom('idempotency-key', 'accept-language', 'if-none-match', 'x-forwarded-for', 'accept'),
      headerValue,
      { maxKeys: 3 },
    ),
  });

  await fc.assert(
    fc.asyncProperty(request, async (input) => {
      let index = 0;
      const path = spec.path.replace(/:(room|link|guest|token)/g, () => input.segments[index++] as string);
      const headers: Record<string, string> = { ...input.extra };
      const authorization = bearerHeader(input.bearer, h.known);
      if (authorization) headers.authorization = authorization;
      if (input.contentType !== undefined) headers['content-type'] = input.contentType;
      if (input.origin !== null) headers.origin = input.origin;
      // An event stream's presence is written as it opens and closes: compare the database once that is done.
      const settled = async () => {
        for (let i = 0; i < 50 && h.deps.events.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
        await h.deps.presence.settled();
      };
      await settled();
      const before = await databaseSnapshot(h.db);
      const answer = await h.send({
        method: spec.method,
        path: `${path}${input.query}`,
        headers,
        body: input.body,
      });
      const what = `${spec.method} ${path}${input.query} → ${answer.status} ${answer.text.slice(0, 300)}`;

      assert.ok(answer.status < 500, what);
      assert.doesNotMatch(answer.text, STACK_TRACE, what);
      if (answer.status >= 400) {
        const error = (answer.json as { error?: { code?: unknown; message?: unknown; fields?: unknown } })
          ?.error;
        assert.equal(typeof error?.code, 'string', what);
        assert.equal(typeof error?.message, 'string', what);
        if (error?.fields !== undefined) {
          assert.ok(
            Object.values(error.fields as object).every((message) => typeof message === 'string'),
            what,
          );
        }
      } else {
        assert.ok(spec.ok.includes(answer.status), what);
      }
      await settled();
      if (answer.status >= 400 || !spec.writes) assert.deepEqual(await databaseSnapshot(h.db), before, what);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
  // Event streams that were opened and dropped must not leave listeners behind.
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(h.deps.events.size, 0, 'no event-stream listener outlives its request');
  assert.deepEqual(
    await h.db.all('SELECT id FROM links WHERE uses > max_uses'),
    [],
    'no link past its limit',
  );
  if (TEST_ENGINE === 'sqlite') {
    assert.deepEqual(await h.db.all('PRAGMA foreign_key_check'), []);
    assert.deepEqual(await h.db.all('PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
  }
}
