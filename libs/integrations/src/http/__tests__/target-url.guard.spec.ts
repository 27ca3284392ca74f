import { checkTargetUrl, vetHost, type HostResolver } from '../target-url.guard';

const strict = { allowPrivate: false, production: false };

describe('checkTargetUrl', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', 'loopback'],
    ['http://10.1.2.3/hook', 'private'],
    ['http://172.16.0.9/hook', 'private'],
    ['http://192.168.1.1/hook', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://100.64.0.1/hook', 'carrierGradeNat'],
    ['http://0.0.0.0/hook', 'unspecified'],
    ['http://224.0.0.1/hook', 'multicast'],
    ['http://[::1]/hook', 'loopback'],
    ['http://[fd00::1]/hook', 'uniqueLocal'],
    ['http://[fe80::1]/hook', 'linkLocal'],
    ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['http://2130706433/hook', 'loopback'],
    ['http://0x7f.1/hook', 'loopback'],
  ])('refuses %s (%s) unless private targets are allowed', (url, range) => {
    expect(checkTargetUrl(url, strict)).toEqual({ ok: false, reason: `must not point at a non-public address (${range})` });
    expect(checkTargetUrl(url, { allowPrivate: true, production: false }).ok).toBe(true);
  });

  it.each([
    'http://localhost:3000/hook',
    'http://LOCALHOST./hook',
    'http://api.localhost/hook',
    'http://printer.local/hook',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://router.home.arpa/',
  ])('refuses the local name in %s', (url) => {
    expect(checkTargetUrl(url, strict)).toEqual({ ok: false, reason: 'must not point at a local host name' });
  });

  it.each([
    ['not a url', 'is not a valid URL'],
    ['ftp://files.example.com/hook', 'must be an http or https URL'],
    ['file:///etc/passwd', 'must be an http or https URL'],
    ['https://user:pass@hooks.example.com/x', 'must not carry credentials'],
  ])('refuses %s', (url, reason) => {
    expect(checkTargetUrl(url, { allowPrivate: true, production: false })).toEqual({ ok: false, reason });
  });

  it('refuses plain http in production, even to a public host', () => {
    expect(checkTargetUrl('http://hooks.example.com/x', { allowPrivate: false, production: true })).toEqual({
      ok: false,
      reason: 'must use https',
    });
    expect(checkTargetUrl('https://hooks.example.com/x', { allowPrivate: false, production: true }).ok).toBe(true);
  });

  it('accepts public names and addresses, to be checked again at send time', () => {
    const result = checkTargetUrl('https://hooks.slack.com/services/T000/B000/XXXX', strict);
    expect(result.ok && result.url.hostname).toBe('hooks.slack.com');
    expect(checkTargetUrl('https://93.184.216.34/hook', strict).ok).toBe(true);
    expect(checkTargetUrl('https://[2606:4700:4700::1111]/hook', strict).ok).toBe(true);
  });
});

describe('vetHost', () => {
  const resolverOf =
    (table: Record<string, string[]>): HostResolver =>
    async (host) => {
      const found = table[host];
      if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
  const resolve = resolverOf({
    'public.example': ['93.184.216.34', '2606:2800:220:1::1'],
    'loopback.example': ['127.0.0.1'],
    'mixed.example': ['93.184.216.34', '10.0.0.5'],
    'ula.example': ['fd12:3456::1'],
  });

  it('picks the first address of a name that resolves only to public addresses', async () => {
    await expect(vetHost('public.example', { allowPrivate: false }, resolve)).resolves.toEqual({
      ok: true,
      address: { address: '93.184.216.34', family: 4 },
    });
  });

  it.each([
    ['loopback.example', 'loopback'],
    ['mixed.example', 'private'],
    ['ula.example', 'uniqueLocal'],
  ])('refuses %s for good: it resolves to a %s address', async (host, range) => {
    await expect(vetHost(host, { allowPrivate: false }, resolve)).resolves.toEqual({
      ok: false,
      retryable: false,
      reason: `refused: the target resolves to a non-public address (${range})`,
    });
  });

  it('lets private answers through when private targets are allowed', async () => {
    await expect(vetHost('loopback.example', { allowPrivate: true }, resolve)).resolves.toEqual({
      ok: true,
      address: { address: '127.0.0.1', family: 4 },
    });
  });

  it('checks a literal address without asking DNS', async () => {
    const never: HostResolver = () => Promise.reject(new Error('must not resolve a literal'));
    await expect(vetHost('::1', { allowPrivate: false }, never)).resolves.toMatchObject({ ok: false, retryable: false });
    await expect(vetHost('::1', { allowPrivate: true }, never)).resolves.toEqual({ ok: true, address: { address: '::1', family: 6 } });
  });

  it('reports a name that does not resolve as retryable', async () => {
    await expect(vetHost('nowhere.example', { allowPrivate: false }, resolve)).resolves.toEqual({
      ok: false,
      retryable: true,
      reason: 'could not resolve nowhere.example (ENOTFOUND)',
    });
  });
});
