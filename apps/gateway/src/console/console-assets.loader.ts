import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';

/** Options of ConsoleModule.forRoot: where the built console is (default apps/console/dist). */
export interface ConsoleOptions {
  dir?: string;
}
export const CONSOLE_OPTIONS = Symbol('CONSOLE_OPTIONS');

/** From apps/gateway/{src,dist}/console to apps/console/dist. */
export const DEFAULT_CONSOLE_DIR = join(__dirname, '..', '..', '..', 'console', 'dist');

/** A hashed file name as Vite writes it under assets/ (`index.DGrxh2v7.js`); nothing else is served. */
export const ASSET_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z0-9_-]{6,}\.(js|css|svg|png|jpg|webp|woff2|woff|ico|map)$/;

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ico: 'image/x-icon',
  map: 'application/json; charset=utf-8',
};

export interface ConsoleFile {
  body: Buffer;
  contentType: string;
}

export type AssetLookup = { kind: 'found'; file: ConsoleFile } | { kind: 'not-built' } | { kind: 'missing' };

/**
 * The built console (apps/console/build.mjs) read from disk: index.html, re-read when the build
 * replaces it (so a gateway started before `npm run build` serves it afterwards), and the
 * content-hashed files under assets/, cached once read since their names change with their
 * content. Only names matching ASSET_NAME are ever looked up, so no path escapes assets/.
 */
@Injectable()
export class ConsoleAssets {
  readonly dir: string;
  private index: { mtimeMs: number; body: Buffer } | undefined;
  private readonly assets = new Map<string, ConsoleFile>();

  constructor(@Inject(CONSOLE_OPTIONS) options: ConsoleOptions) {
    this.dir = options.dir ?? DEFAULT_CONSOLE_DIR;
  }

  /** index.html, or undefined while the console is not built. */
  indexHtml(): Buffer | undefined {
    const path = join(this.dir, 'index.html');
    try {
      const { mtimeMs } = statSync(path);
      if (this.index?.mtimeMs !== mtimeMs) {
        this.index = { mtimeMs, body: readFileSync(path) };
        this.assets.clear();
      }
      return this.index.body;
    } catch {
      this.index = undefined;
      return undefined;
    }
  }

  asset(name: string): AssetLookup {
    if (!this.indexHtml()) return { kind: 'not-built' };
    const match = ASSET_NAME.exec(name);
    if (!match) return { kind: 'missing' };
    const cached = this.assets.get(name);
    if (cached) return { kind: 'found', file: cached };
    try {
      const file = { body: readFileSync(join(this.dir, 'assets', name)), contentType: CONTENT_TYPES[match[1]] };
      this.assets.set(name, file);
      return { kind: 'found', file };
    } catch {
      return { kind: 'missing' };
    }
  }
}
