import { corsResponseHeaders, isOriginAllowed, isValidOrigin, preflightHeaders } from '../cors.policy';

describe('CORS policy', () => {
  it('accepts only bare http(s) origins', () => {
    expect(isValidOrigin('https://shop.example')).toBe(true);
    expect(isValidOrigin('http://localhost:5173')).toBe(true);
    for (const origin of ['null', 'https://shop.example/', 'https://shop.example/path', 'ftp://shop.example', 'shop.example', '']) {
      expect(isValidOrigin(origin)).toBe(false);
    }
  });

  it('matches origins exactly against the tenant list', () => {
    const allowed = ['https://shop.example'];
    expect(isOriginAllowed('https://shop.example', allowed)).toBe(true);
    expect(isOriginAllowed('http://shop.example', allowed)).toBe(false);
    expect(isOriginAllowed('https://shop.example:8443', allowed)).toBe(false);
    expect(isOriginAllowed('https://evil-shop.example', allowed)).toBe(false);
    expect(isOriginAllowed('https://shop.example', [])).toBe(false);
  });

  it('echoes the origin and varies on it', () => {
    expect(corsResponseHeaders('https://shop.example')).toMatchObject({
      'access-control-allow-origin': 'https://shop.example',
      vary: 'Origin',
    });
    expect(preflightHeaders('https://shop.example')).toMatchObject({
      'access-control-allow-origin': 'https://shop.example',
      'access-control-max-age': '600',
    });
  });
});
