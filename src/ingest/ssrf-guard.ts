// Refuses fetches that would reach the machine itself or its private network (server-side
// request forgery, OWASP SSRF Prevention Cheat Sheet): loopback, RFC 1918 private ranges,
// link-local (169.254/16, where cloud metadata services answer), CGNAT (RFC 6598), multicast,
// reserved and documentation ranges, their IPv6 counterparts (RFC 6890 special-purpose
// registry), and IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4). The
// check runs on the addresses DNS actually returns, inside the socket's `lookup`, so a name
// that resolves to a public address once and a private one later (DNS rebinding) is caught on
// the connection that counts.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { OvertureError } from '../core/errors.js';

/** IPv4 ranges no fetch may reach: [first address, prefix length]. */
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return isPublicV4(v4ToNumber(bare));
  if (family === 6) return isPublicV6(v6Groups(bare));
  return false;
}

/** Throws unsafe-url unless the URL is http(s); a literal private address is refused here. */
export function assertFetchableUrl(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OvertureError(
      'unsafe-url',
      `refused ${url.href}: scheme ${url.protocol} (expected http: or https:)`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) throw privateAddress(url.href, host);
}

/** A `lookup` for node:http(s) that refuses names resolving to any non-public address. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      const reply = callback as (
        error: Error | null,
        address: string | LookupAddress[],
        family?: number,
      ) => void;
      if (error) return reply(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return reply(privateAddress(hostname, refused.address), '', 0);
      if (options.all) return reply(null, addresses);
      const first = addresses[0];
      if (!first) return reply(new Error(`${hostname}: no address`), '', 0);
      return reply(null, first.address, first.family);
    });
  };
}

export function privateAddress(target: string, address: string): OvertureError {
  return new OvertureError(
    'unsafe-url',
    `refused ${target}: it resolves to ${address}, a loopback, private, link-local or reserved address (expected a public address; allow private addresses to fetch from your own network)`,
  );
}

function isPublicV4(value: number): boolean {
  return !BLOCKED_V4.some(([base, prefix]) => inV4Range(value, v4ToNumber(base), prefix));
}

function inV4Range(value: number, base: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === (base & mask) >>> 0;
}

function isPublicV6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = ((g6 << 16) | g7) >>> 0;
  const isZeroTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
  if (isZeroTo(8)) return false; // :: unspecified
  if (isZeroTo(7) && g7 === 1) return false; // ::1 loopback
  if (isZeroTo(5) && g5 === 0xffff) return isPublicV4(embedded); // ::ffff:a.b.c.d mapped
  if (isZeroTo(6)) return isPublicV4(embedded); // ::a.b.c.d compatible (deprecated)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return isPublicV4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return false; // local-use NAT64 (RFC 8215)
  if (g0 === 0x2002) return isPublicV4(((g1 << 16) | g2) >>> 0); // 6to4 carries an IPv4 address
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return false; // discard-only (RFC 6666)
  if (g0 === 0x2001 && (g1 === 0 || g1 === 0xdb8)) return false; // Teredo, documentation
  if ((g0 & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return false; // link-local, site-local
  if ((g0 & 0xff00) === 0xff00) return false; // multicast
  return true;
}

function v4ToNumber(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0) >>> 0;
}

/** Expands an IPv6 address (`::`, an embedded dotted quad) into its eight 16-bit groups. */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const value = v4ToNumber(dotted);
    text = `${text.slice(0, -dotted.length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = new Array(Math.max(0, 8 - left.length - right.length)).fill(0) as number[];
  return [...left, ...zeros, ...right];
}
