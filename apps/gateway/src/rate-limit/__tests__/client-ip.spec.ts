import { isIpLimited } from '../client-ip-limit.installer';
import { clientIpBucket } from '../client-ip.util';

describe('client IP buckets', () => {
  it('counts an IPv4 address as is, also in its IPv4-mapped IPv6 form', () => {
    expect(clientIpBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(clientIpBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientIpBucket('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64', () => {
    expect(clientIpBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientIpBucket('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(clientIpBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientIpBucket('::1')).toBe('0:0:0:0::/64');
    expect(clientIpBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientIpBucket('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('leaves anything else untouched', () => {
    expect(clientIpBucket('unknown')).toBe('unknown');
  });
});

describe('which requests count per IP', () => {
  it('counts the REST API and the OpenAI-compatible endpoint', () => {
    expect(isIpLimited('GET', '/api/v1/chat/history?sessionId=x')).toBe(true);
    expect(isIpLimited('POST', '/api/v1/auth/login')).toBe(true);
    expect(isIpLimited('POST', '/v1/chat/completions')).toBe(true);
  });

  it('leaves out preflights, health probes, metrics, docs and static files', () => {
    expect(isIpLimited('OPTIONS', '/api/v1/chat')).toBe(false);
    expect(isIpLimited('GET', '/api/v1/health')).toBe(false);
    expect(isIpLimited('GET', '/api/v1/health/ready')).toBe(false);
    expect(isIpLimited('GET', '/metrics')).toBe(false);
    expect(isIpLimited('GET', '/docs')).toBe(false);
    expect(isIpLimited('GET', '/widget.js')).toBe(false);
    expect(isIpLimited('GET', '/console/')).toBe(false);
  });
});
