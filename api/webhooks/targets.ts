// Where webhooks may go (SSRF): http(s) only, never to loopback, private, link-local, shared (CGNAT),
// unique-local or other special-purpose addresses, checked on the literal address when an endpoint is set and
// on every resolved address when a delivery connects (a name may resolve elsewhere later).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const SPECIAL_PURPOSE: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // shared address space (CGNAT)
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata services
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['100::', 64, 'ipv6'], // discard
  ['2001::', 23, 'ipv6'], // IETF protocol assignments
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

const blocked = new BlockList();
for (const [network, prefix, family] of SPECIAL_PURPOSE) blocked.addSubnet(network, prefix, family);

/** The IPv4 address embedded in a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, which routes to it. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  const nat64 =
    groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0);
  const [high, low] = nat64 ? [groups[6], groups[7]] : groups[0] === 0x2002 ? [groups[1], groups[2]] : [];
  if (high === undefined || low === undefined) return undefined;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function expandIpv6(address: string): number[] | undefined {
  if (address.includes('.')) return undefined; // dotted tails (::ffff:1.2.3.4) are BlockList's own case
  const [head = '', tail] = address.split('::');
  const part = (text: string) => (text ? text.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const start = part(head);
  const end = tail === undefined ? [] : part(tail);
  return [...start, ...Array(8 - start.length - end.length).fill(0), ...end];
}

/** Whether an IP address (v4 or v6) is loopback, private, link-local or otherwise not a public host. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (blocked.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
  const embedded = family === 6 ? embeddedIpv4(address) : undefined;
  return embedded !== undefined && blocked.check(embedded, 'ipv4');
}

/** The host of a URL as an address when it is one (IPv6 without its brackets), else undefined. */
const literalAddress = (hostname: string) => {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? bare : undefined;
};

/** Why an endpoint URL is refused when it is set, or null; `allowPrivate` lets private targets through. */
export function targetRefusal(url: string, allowPrivate: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Must be a URL.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return 'Must start with http:// or https://.';
  if (parsed.username || parsed.password) return 'Must not carry a user name or password.';
  if (allowPrivate) return null;
  // `localhost.` is `localhost`: a trailing dot only makes a name absolute.
  const hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const address = literalAddress(hostname);
  if ((address && isPrivateAddress(address)) || hostname === 'localhost' || hostname.endsWith('.localhost'))
    return 'Must not point to a loopback, private or link-local address.';
  return null;
}

/** A refused connection target, said in the delivery's error. */
export class PrivateTargetError extends Error {
  override readonly name = 'PrivateTargetError';
  readonly code = 'EPRIVATETARGET';
}

/**
 * `dns.lookup` for http.request that refuses a name resolving to a private address: the check happens on the
 * address the socket then connects to, so a name that changes its answer (DNS rebinding) cannot slip through.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) {
      return callback(
        new PrivateTargetError(`${hostname} resolves to ${refused.address}, a private address`),
        '',
        0,
      );
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
};

/** Whether a URL's literal address is private: for http.request, which skips the lookup for a literal. */
export function isPrivateLiteral(url: URL): boolean {
  const address = literalAddress(url.hostname);
  return address !== undefined && isPrivateAddress(address);
}
