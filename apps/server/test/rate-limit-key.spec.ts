import { rateLimitKey } from '../src/auth/rate-limit-key';

describe('rateLimitKey (what logins and joins are throttled under)', () => {
  it('keys an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:1:2::/64';
    for (const address of [
      '2001:db8:1:2::1',
      '2001:db8:1:2::abcd',
      '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:DB8:1:2:0:0:0:9',
      '2001:db8:1:2:a::',
      '2001:db8:1:2::10.0.0.1',
    ])
      expect(rateLimitKey(address)).toBe(key);
    expect(rateLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps an IPv4 address whole, also when a dual-stack socket reports it mapped', () => {
    expect(rateLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(rateLimitKey('203.0.113.10')).not.toBe(rateLimitKey('203.0.113.9'));
  });

  it('leaves what is not an address as it is', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
