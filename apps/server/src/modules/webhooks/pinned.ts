/**
 * A webhook POST that connects to the address that was checked, not to whatever the name resolves to a
 * moment later: the receiver's name is resolved once, every address is vetted, and the connection's own
 * lookup answers with the vetted address (DNS rebinding between the check and the connect cannot reach a
 * private address). TLS still verifies the certificate against the host name (SNI and `Host` unchanged).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

export interface Address {
  address: string;
  family: number;
}
/** Resolves a host name to its addresses (the system resolver; tests pass their own). */
export type Resolver = (host: string) => Promise<Address[]>;
export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true });

/** Loopback, private (RFC 1918, CGNAT, IPv6 ULA), link-local and unspecified addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  const x = ip.toLowerCase();
  return x === '::' || x === '::1' || /^f[cd]/.test(x) || /^fe[89ab]/.test(x);
}

/** The address to connect to, or why there is none (`dns_failed`, `private_address`). */
export async function vetTarget(
  url: string,
  allowPrivate: boolean,
  resolve: Resolver,
): Promise<{ address: Address } | { error: string }> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addrs: Address[];
  try {
    addrs = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    return { error: 'dns_failed' };
  }
  if (addrs.length === 0) return { error: 'dns_failed' };
  // One private address among several is enough to refuse: the connection could pick any of them.
  if (!allowPrivate && addrs.some((a) => isPrivateAddress(a.address))) return { error: 'private_address' };
  return { address: addrs[0]! };
}

/** A lookup that always answers with the vetted address, whatever the name would resolve to now. */
export const pinnedLookup =
  (a: Address): LookupFunction =>
  (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as (e: null, l: Address[]) => void)(null, [a]);
    else cb(null, a.address, a.family);
  };

/** POSTs `body` to `url` over a connection to `address`; redirects are not followed (3xx is a failure). */
export function postPinned(
  url: string,
  address: Address,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ status: number }> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      u,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(address),
        agent: false,
      },
      (res) => {
        clearTimeout(timer);
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}
