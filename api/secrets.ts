// Everything secret at rest: random ids, tokens derived from the server secret, one-way lookup hashes,
// and the AES-256-GCM envelope for tenant signing secrets. A copy of the database alone yields none of them.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { OperatorError } from './errors.ts';

export type ServerSecret = Buffer;

/** Random bytes drawn from the operating system in one call per this many, not one call per id. */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * 128 random bits, URL-safe: ids of links and guests, which also seed their derived tokens. Never beginning with
 * '-' (one draw in 64 does; that one is drawn again): a spreadsheet reads such a cell as a formula, so the CSV
 * export would neutralise the id, and a command line would read it as an option.
 */
export function randomId(bytes = 16): string {
  for (;;) {
    if (poolOffset + bytes > pool.length) {
      pool = randomBytes(Math.max(POOL_BYTES, bytes));
      poolOffset = 0;
    }
    const id = pool.toString('base64url', poolOffset, poolOffset + bytes);
    poolOffset += bytes;
    if (!id.startsWith('-')) return id;
  }
}

/** A fresh 256-bit secret for API keys and signing secrets. */
export const randomSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** The token of a link or guest session: HMAC of its id under the server secret, so it can be recomputed. */
export const deriveToken = (serverSecret: ServerSecret, purpose: 'link' | 'guest-session', id: string) =>
  createHmac('sha256', serverSecret).update(`${purpose}:${id}`).digest('base64url');

/**
 * Per-server-secret memo of pure functions of that secret (the same inputs always give the same output),
 * bounded so it cannot grow without limit: emptied whenever it reaches `MEMO_LIMIT` entries.
 */
const MEMO_LIMIT = 10_000;
const memos = new WeakMap<ServerSecret, Map<string, string>>();
function memo(serverSecret: ServerSecret, key: string, compute: () => string): string {
  let map = memos.get(serverSecret);
  if (!map) {
    map = new Map();
    memos.set(serverSecret, map);
  }
  let value = map.get(key);
  if (value === undefined) {
    value = compute();
    if (map.size >= MEMO_LIMIT) map.clear();
    map.set(key, value);
  }
  return value;
}

/** `deriveToken` for a link, memoised: the host list shows every link's URL on every call. */
export const linkToken = (serverSecret: ServerSecret, linkId: string) =>
  memo(serverSecret, `link:${linkId}`, () => deriveToken(serverSecret, 'link', linkId));

/**
 * What the database keeps instead of a token: its SHA-256. Secrets are found by their hash through an index,
 * never compared byte by byte, so lookups leak nothing through timing.
 */
export const lookupHash = (token: string) => createHash('sha256').update(token).digest();

const encryptionKeys = new WeakMap<ServerSecret, Buffer>();
function encryptionKey(serverSecret: ServerSecret) {
  let key = encryptionKeys.get(serverSecret);
  if (!key) {
    key = createHmac('sha256', serverSecret).update('signing-secret-encryption').digest();
    encryptionKeys.set(serverSecret, key);
  }
  return key;
}

/** AES-256-GCM: iv (12) ‖ tag (16) ‖ ciphertext. */
export function encrypt(serverSecret: ServerSecret, plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(serverSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function decrypt(serverSecret: ServerSecret, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(serverSecret), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}

/** Whether `sealed` was sealed with this server secret. */
export function opens(serverSecret: ServerSecret, sealed: Buffer): boolean {
  try {
    decrypt(serverSecret, sealed);
    return true;
  } catch {
    return false;
  }
}

/** What the database keeps to recognise the server secret that seals its secrets; it reveals nothing of it. */
export const serverSecretCheck = (serverSecret: ServerSecret) =>
  createHmac('sha256', serverSecret).update('server-secret-check').digest();

/**
 * `decrypt`, memoised by the sealed bytes themselves: the row is still read on every request, so a rotation
 * (a new envelope with a fresh IV) is seen at once, by every process on the database; only the AES-GCM work
 * of opening an envelope already opened is saved. A failed decrypt throws and is not remembered.
 */
export const decryptCached = (serverSecret: ServerSecret, sealed: Buffer): string =>
  memo(serverSecret, `sealed:${sealed.toString('base64')}`, () => decrypt(serverSecret, sealed));

/** Accepts the configured secret as given (hex of ≥32 bytes, or any string of ≥32 chars). */
export function parseServerSecret(value: string | Buffer): ServerSecret {
  if (Buffer.isBuffer(value)) return value;
  if (/^[0-9a-f]{64,}$/i.test(value)) return Buffer.from(value, 'hex');
  if (value.length < 32) throw new OperatorError('GUEST_ACCESS_SECRET must be at least 32 characters');
  return Buffer.from(value, 'utf8');
}

export const newServerSecret = () => randomBytes(32).toString('hex');
