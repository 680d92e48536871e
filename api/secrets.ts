// Everything secret at rest: random ids, tokens derived from the server secret, one-way lookup hashes,
// and the AES-256-GCM envelope for tenant signing secrets. A copy of the database alone yields none of them.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export type ServerSecret = Buffer;

/** 128 random bits, URL-safe: ids of links and guests, which also seed their derived tokens. */
export const randomId = (bytes = 16) => randomBytes(bytes).toString('base64url');

/** A fresh 256-bit secret for API keys and signing secrets. */
export const randomSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** The token of a link or guest session: HMAC of its id under the server secret, so it can be recomputed. */
export const deriveToken = (serverSecret: ServerSecret, purpose: 'link' | 'guest-session', id: string) =>
  createHmac('sha256', serverSecret).update(`${purpose}:${id}`).digest('base64url');

/**
 * What the database keeps instead of a token: its SHA-256. Secrets are found by their hash through an index,
 * never compared byte by byte, so lookups leak nothing through timing.
 */
export const lookupHash = (token: string) => createHash('sha256').update(token).digest();

function encryptionKey(serverSecret: ServerSecret) {
  return createHmac('sha256', serverSecret).update('signing-secret-encryption').digest();
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

/** Accepts the configured secret as given (hex of ≥32 bytes, or any string of ≥32 chars). */
export function parseServerSecret(value: string | Buffer): ServerSecret {
  if (Buffer.isBuffer(value)) return value;
  if (/^[0-9a-f]{64,}$/i.test(value)) return Buffer.from(value, 'hex');
  if (value.length < 32) throw new Error('GUEST_ACCESS_SECRET must be at least 32 characters');
  return Buffer.from(value, 'utf8');
}

export const newServerSecret = () => randomBytes(32).toString('hex');
