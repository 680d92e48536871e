// Who sent a request: the connection's peer, unless that peer is a proxy the operator trusts
// (GUEST_ACCESS_TRUST_PROXY); then the right-most X-Forwarded-For address that no trusted proxy wrote.
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/** Whether an address belongs to a proxy whose X-Forwarded-For is believed. */
export type TrustedProxies = (address: string) => boolean;

export const NO_TRUSTED_PROXY: TrustedProxies = () => false;

/** The names proxy-addr (Express) uses, so an operator's existing setting reads the same here. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** `::ffff:192.0.2.1` as `192.0.2.1`: a dual-stack socket reports IPv4 peers in the mapped form. */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * Parses a comma list of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal; empty
 * trusts nobody. Throws with the offending entry, so a typo stops the start instead of trusting nobody.
 */
export function parseTrustedProxies(setting: string): TrustedProxies {
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return NO_TRUSTED_PROXY;
  const ranges = new BlockList();
  for (const entry of entries.flatMap((entry) => NAMED_RANGES[entry.toLowerCase()] ?? [entry])) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    const bits = Number(prefix ?? maxBits);
    if (family === 0 || rest.length > 0 || !/^\d+$/.test(prefix ?? '0') || bits > maxBits) {
      throw new Error(
        `"${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`,
      );
    }
    ranges.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * Walks X-Forwarded-For from the right while the address reached so far is a trusted proxy: each trusted
 * proxy appended the address it saw, and anything further left is whatever the client claimed.
 */
export function forwardedClient(
  peer: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  let client = plainAddress(peer);
  const hops = forwardedFor ? forwardedFor.split(',') : [];
  for (let index = hops.length - 1; index >= 0 && trusted(client); index--) {
    const hop = plainAddress((hops[index] as string).trim());
    // No proxy we trust writes anything but an address: stop at the last hop that is one.
    if (isIP(hop) === 0) break;
    client = hop;
  }
  return client;
}

/** The client's address for this request; `local` when there is no socket (`app.request()` in tests). */
export function requestAddress(c: Context<AppEnv>, trusted: TrustedProxies): string {
  const peer = (c.env?.incoming && getConnInfo(c).remote.address) || 'local';
  return forwardedClient(peer, c.req.header('x-forwarded-for'), trusted);
}
