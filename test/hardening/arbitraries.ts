// fast-check generators of hostile input: strings, JSON bodies (valid shapes with poisoned fields, deep
// nesting, duplicate keys, malformed text, oversized), path segments, content types and bearers.
import fc from 'fast-check';

/** Strings that broke parsers, databases and pages before. */
const NOTORIOUS = [
  '',
  ' ',
  '\t\n',
  '\0',
  'a\u0000b',
  '\u0007\u001b[31m',
  "' OR '1'='1",
  '1; DROP TABLE links; --',
  '"; SELECT * FROM tenants; --',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '{{7*7}}$' + '{7*7}',
  '../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𝕏'.repeat(81),
  'é'.repeat(81),
  '__proto__',
  'constructor',
  'toString',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffffffffffff',
  'javascript:alert(1)',
  'http://',
  'https://a;sandbox',
  '2026-02-31T25:61',
];

/** encodeURIComponent throws on lone surrogates; a client would send U+FFFD instead. */
const encode = (value: string) => encodeURIComponent(value.replace(/\p{Surrogate}/gu, '\ufffd'));

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NOTORIOUS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 81, max: 4000 }).map((n) => 'x'.repeat(n)) },
);

/** Any JSON value, nested up to a few levels, with hostile strings and extreme numbers. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, 1_000_001, 366),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** A body as sent on the wire (undefined: none). */
export function hostileBody(shape: Record<string, unknown>): fc.Arbitrary<string | undefined> {
  const keys = Object.keys(shape);
  // Mostly valid fields, so most requests get past the first check and reach the deeper ones.
  const field = (key: string) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(shape[key]) },
      { weight: 2, arbitrary: hostileJson },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  const poisoned = fc
    .record(Object.fromEntries(keys.map((key) => [key, field(key)])))
    .chain((body) =>
      fc.dictionary(hostileString, hostileJson, { maxKeys: 2 }).map((extra) => ({ ...extra, ...body })),
    )
    .map((body) => JSON.stringify(body));
  const duplicateKeys = fc
    .tuple(fc.constantFrom(...(keys.length ? keys : ['name'])), hostileJson)
    .map(
      ([key, value]) =>
        `{${JSON.stringify(key)}:${JSON.stringify(shape[key] ?? 'x')},${JSON.stringify(key)}:${JSON.stringify(value ?? null)}}`,
    );
  const deep = fc
    .integer({ min: 100, max: 9000 })
    .chain((depth) =>
      fc.constantFrom('['.repeat(depth) + ']'.repeat(depth), `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    );
  const malformed = fc.constantFrom(
    '{',
    '{"name":',
    "{'name':'x'}",
    '{"name":"x",}',
    'null',
    '[]',
    '"just a string"',
    '\u0000',
    '\ufeff{}',
    'name=x&email=y',
    '{"name":"\\ud800"}',
    '{"__proto__":{"admin":true},"name":"x"}',
    '1'.repeat(400),
  );
  const oversized = fc
    .integer({ min: 16 * 1024, max: 40 * 1024 })
    .map((n) => JSON.stringify({ name: 'x'.repeat(n) }));
  return fc.oneof(
    { weight: 5, arbitrary: poisoned },
    { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value ?? null)) },
    { weight: 1, arbitrary: duplicateKeys },
    { weight: 1, arbitrary: deep },
    { weight: 2, arbitrary: malformed },
    { weight: 1, arbitrary: oversized },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A path segment: a real id, an encoded hostile string, or a raw malformed escape. */
export function pathSegment(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...real) },
    { weight: 4, arbitrary: hostileString.filter((s) => s.length > 0).map(encode) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AE%C0%AE', '%2F..%2F', '%00', '..', '.'),
    },
  );
}

/** A query string: nothing, a hostile value for a known name, repeated names, or junk. */
export function hostileQuery(names: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(''),
    fc
      .tuple(fc.constantFrom(...names, '__proto__', 'x'), hostileString)
      .map(([name, value]) => `?${name}=${encode(value)}`),
    fc.constantFrom(...names).map((name) => `?${name}=waiting&${name}=admitted`),
    fc.constantFrom('?', '?&&', '?=', '?%', '?status', '?status=%E0%A4%A'),
  );
}

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/json; charset=utf-16',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  '',
  undefined,
);

/** Header values a client can send (Latin-1, no CR, LF or NUL). */
export const headerValue = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)),
    maxLength: 60,
  }),
  fc.constantFrom(
    '',
    '*',
    'null',
    'x'.repeat(4000),
    'en;q=abc, *;q=-1, he-IL;q=1e9',
    'W/"0-0"',
    'retry-1',
    'es',
  ),
);

/** Which bearer a request carries; resolved to a real value by the test. */
export type BearerKind =
  | 'none'
  | 'host'
  | 'host-admit-only'
  | 'host-manage-only'
  | 'host-other-room'
  | 'api-key'
  | 'other-api-key'
  | 'guest-session'
  | 'garbage'
  | 'basic'
  | 'empty-bearer';

export const bearerKind = fc.constantFrom<BearerKind>(
  'none',
  'host',
  'host-admit-only',
  'host-manage-only',
  'host-other-room',
  'api-key',
  'other-api-key',
  'guest-session',
  'garbage',
  'basic',
  'empty-bearer',
);
