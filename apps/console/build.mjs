#!/usr/bin/env node
// Builds the console (React, Vite) to apps/console/dist for the gateway to serve at /console:
// index.html plus content-hashed files under assets/ (served immutable for a year). No inline
// script or style, so the gateway's Content-Security-Policy can forbid both.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
// recharts needs its peer react-is, which the workspace does not install (.npmrc sets
// legacy-peer-deps, and package.json does not list it). The same package, react-is 19.3.1,
// is installed as @jest/react-is-19; use it until react-is is a dependency of its own.
const reactIs = dirname(createRequire(import.meta.url).resolve('@jest/react-is-19/package.json'));

await build({
  root,
  base: '/console/',
  configFile: false,
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { 'react-is': reactIs } },
  build: {
    outDir: join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Every asset is a file (no data: URLs inlined into CSS or JS) so CSP img-src can stay 'self'.
    assetsInlineLimit: 0,
    // Vite's module-preload polyfill is a separate concern of old browsers; without it the
    // entry needs no inline code.
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { entryFileNames: 'assets/[name].[hash].js', chunkFileNames: 'assets/[name].[hash].js', assetFileNames: 'assets/[name].[hash][extname]' } },
  },
});
console.log('console: built apps/console/dist (served at /console)');
