import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSET_NAME, ConsoleAssets } from '../console-assets.loader';

describe('ConsoleAssets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-console-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is not built until index.html exists, then serves it and re-reads it when the build replaces it', () => {
    const assets = new ConsoleAssets({ dir });
    expect(assets.indexHtml()).toBeUndefined();
    expect(assets.asset('index.abcdef12.js')).toEqual({ kind: 'not-built' });
    writeFileSync(join(dir, 'index.html'), '<p>one</p>');
    utimesSync(join(dir, 'index.html'), 1000, 1000);
    expect(assets.indexHtml()?.toString()).toBe('<p>one</p>');
    writeFileSync(join(dir, 'index.html'), '<p>two</p>');
    utimesSync(join(dir, 'index.html'), 2000, 2000);
    expect(assets.indexHtml()?.toString()).toBe('<p>two</p>');
  });

  it('serves hashed files under assets/ with their type, and nothing else', () => {
    writeFileSync(join(dir, 'index.html'), '<p>app</p>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index.DGrxh2v7.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index.DwTBGtd2.css'), 'p{}');
    writeFileSync(join(dir, 'secret.txt'), 'no');
    const assets = new ConsoleAssets({ dir });
    expect(assets.asset('index.DGrxh2v7.js')).toMatchObject({ kind: 'found', file: { contentType: 'text/javascript; charset=utf-8' } });
    expect(assets.asset('index.DwTBGtd2.css')).toMatchObject({ kind: 'found', file: { contentType: 'text/css; charset=utf-8' } });
    expect(assets.asset('index.AAAAAAAA.js')).toEqual({ kind: 'missing' });
    expect(assets.asset('..%2Fsecret.txt')).toEqual({ kind: 'missing' });
    expect(assets.asset('../secret.txt')).toEqual({ kind: 'missing' });
  });

  it.each([
    ['index.DGrxh2v7.js', true],
    ['vendor-react.a1b2c3d4.css', true],
    ['index.js', false],
    ['../index.abcdef.js', false],
    ['.hidden.abcdef.js', false],
    ['index.abcdef.exe', false],
    ['a/b.abcdef.js', false],
  ])('asset name %s is %s', (name, ok) => {
    expect(ASSET_NAME.test(name)).toBe(ok);
  });
});
