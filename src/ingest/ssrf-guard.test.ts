import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { OvertureError } from '../core/errors.js';
import { assertFetchableUrl, guardedLookup, isPublicAddress } from './ssrf-guard.js';

test('loopback, private, link-local, CGNAT, multicast and reserved IPv4 addresses are not public', () => {
  for (const address of [
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '240.0.0.1',
    '198.18.0.1',
    '192.0.2.10',
  ]) {
    assert.equal(isPublicAddress(address), false, address);
  }
});

test('their IPv6 counterparts and IPv4-carrying IPv6 forms are not public', () => {
  for (const address of [
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:7f00:1',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:c0a8:0101::1',
    '[::1]',
    '2001:db8::1',
    '0:0:0:0:0:0:0:1',
  ]) {
    assert.equal(isPublicAddress(address), false, address);
  }
});

test('ordinary public addresses pass', () => {
  for (const address of [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ]) {
    assert.equal(isPublicAddress(address), true, address);
  }
  assert.equal(isPublicAddress('example.org'), false, 'a name is not an address');
});

test('an IPv4-mapped IPv6 address is judged like the IPv4 address it carries', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  fc.assert(
    fc.property(octet, octet, octet, octet, (a, b, c, d) => {
      const v4 = `${a}.${b}.${c}.${d}`;
      assert.equal(isPublicAddress(`::ffff:${v4}`), isPublicAddress(v4));
      if (a === 10 || a === 127) assert.equal(isPublicAddress(v4), false);
    }),
    { seed: 6598, numRuns: 1000 },
  );
});

test('only http and https URLs may be fetched, and literal private hosts are refused', () => {
  for (const url of [
    'file:///etc/passwd',
    'ftp://example.org/',
    'gopher://example.org/',
    'data:text/plain,x',
  ]) {
    assert.throws(() => assertFetchableUrl(new URL(url), true), {
      code: 'unsafe-url',
      message: /expected http: or https:/,
    });
  }
  for (const url of [
    'http://127.0.0.1/',
    'http://[::1]:8080/',
    'http://0x7f000001/',
    'http://2130706433/',
    'https://169.254.169.254/latest/meta-data/',
  ]) {
    assert.throws(() => assertFetchableUrl(new URL(url), false), { code: 'unsafe-url' }, url);
    assert.doesNotThrow(() => assertFetchableUrl(new URL(url), true));
  }
  assert.doesNotThrow(() => assertFetchableUrl(new URL('https://example.org/feed.xml'), false));
});

test('the lookup refuses a name that resolves to loopback', async () => {
  const lookup = guardedLookup(false);
  const error = await new Promise<unknown>((resolve) =>
    lookup('localhost', {}, (failure) => resolve(failure)),
  );
  assert.ok(error instanceof OvertureError);
  assert.equal(error.code, 'unsafe-url');
  assert.match(error.message, /^refused localhost: it resolves to (127\.0\.0\.1|::1)/);
});

test('the lookup lets private addresses through when they are allowed', async () => {
  const lookup = guardedLookup(true);
  const address = await new Promise<unknown>((resolve, reject) =>
    lookup('localhost', { family: 4 }, (failure, found) => (failure ? reject(failure) : resolve(found))),
  );
  assert.equal(address, '127.0.0.1');
});
