import { activeKeys, embedSnippet, originsFromText, themePatch, type SiteKey } from '../site-keys.util';

describe('site keys', () => {
  it('writes the embed snippet for the gateway and the key', () => {
    expect(embedSnippet('https://parley.example', 'pk_live_abc')).toBe(
      '<script src="https://parley.example/widget.js" data-site-key="pk_live_abc" defer></script>',
    );
    expect(embedSnippet('https://parley.example', 'pk_live_abc', { src: '/widget/v1/widget.0123456789.js', integrity: 'sha384-abc' })).toBe(
      '<script src="https://parley.example/widget/v1/widget.0123456789.js" integrity="sha384-abc" crossorigin="anonymous" data-site-key="pk_live_abc" defer></script>',
    );
  });

  it('keeps the active keys in order', () => {
    const key = (id: string, status: SiteKey['status']): SiteKey => ({
      id,
      key: `pk_live_${id}`,
      status,
      createdAt: '2026-12-06T10:00:00Z',
      revokedAt: null,
    });
    expect(activeKeys([key('b', 'active'), key('a', 'revoked'), key('c', 'active')]).map((k) => k.id)).toEqual(['b', 'c']);
  });

  it('reads origins one a line: bare origins normalised, the rest kept for the API to name', () => {
    expect(
      originsFromText(
        ' https://shop.example/ \n\nhttp://localhost:5173\nhttps://shop.example\nhttps://shop.example/path\nnot a url\nftp://x.example',
      ),
    ).toEqual(['https://shop.example', 'http://localhost:5173', 'https://shop.example/path', 'not a url', 'ftp://x.example']);
  });

  it('patches only the theme fields that changed', () => {
    const theme = { color: '#0f766e', name: 'Bob', greeting: 'Hi', position: 'right' as const };
    expect(themePatch({ ...theme, color: '#0F766E', name: ' Bob ' }, theme)).toBeNull();
    expect(themePatch({ ...theme, greeting: ' Hello ', position: 'left' }, theme)).toEqual({ greeting: 'Hello', position: 'left' });
  });
});
