// Which bind addresses stay on this machine. Anything else (0.0.0.0, ::, a LAN or public address,
// a host name other than localhost) exposes the server and needs a token.
import { isIP } from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(name);
  return false;
}
