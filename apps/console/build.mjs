#!/usr/bin/env node
// Builds the console (React, Vite) to apps/console/dist for the gateway to serve at /console:
// index.html plus content-hashed files under assets/ (served immutable for a year). No inline
// script or style, so the gateway's Content-Security-Policy can forbid both.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
await build({
  root,
  base: '/console/',
  configFile: false,
  logLevel: 'warn',
  plugins: [react()],
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
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name].[hash].js',
        chunkFileNames: 'assets/[name].[hash].js',
        assetFileNames: 'assets/[name].[hash][extname]',
      },
    },
  },
});
console.log('console: built apps/console/dist (served at /console)');
