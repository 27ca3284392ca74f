#!/usr/bin/env node
// Builds the embeddable widget with Vite (library mode, one IIFE file, Preact bundled) to
// apps/widget/dist/widget.js, then writes the versioned copy widget.<hash>.js, its Subresource
// Integrity hash and manifest.json (read by the gateway), and prints the size against the
// 30 KB gzipped budget (exit 1 above it).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, 'dist');
export const BUDGET_GZIP_BYTES = 30 * 1024;

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: { entry: join(root, 'src', 'main.tsx'), formats: ['iife'], name: 'ParleyWidget', fileName: () => 'widget.js' },
  },
});

const code = readFileSync(join(out, 'widget.js'));
const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
const file = `widget.${hash}.js`;
writeFileSync(join(out, file), code);
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
const gzipBytes = gzipSync(code, { level: 9 }).length;
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ file, integrity, bytes: code.length, gzipBytes }, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`widget: dist/widget.js and dist/${file}: ${kb(code.length)}, ${kb(gzipBytes)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`);
console.log(`widget: integrity="${integrity}"`);
if (gzipBytes > BUDGET_GZIP_BYTES) {
  console.error(`widget: over the size budget by ${kb(gzipBytes - BUDGET_GZIP_BYTES)}`);
  process.exit(1);
}
