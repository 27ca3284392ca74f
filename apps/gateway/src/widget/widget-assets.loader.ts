import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';

/** apps/widget/dist/manifest.json, written by the widget build (apps/widget/build.mjs). */
const manifestSchema = z.object({
  file: z.string().regex(/^widget\.[0-9a-f]{8,20}\.js$/),
  integrity: z.string().regex(/^sha384-[A-Za-z0-9+/=]+$/),
  bytes: z.int(),
  gzipBytes: z.int(),
});
export type WidgetManifest = z.infer<typeof manifestSchema>;

export interface WidgetBundle {
  manifest: WidgetManifest;
  code: Buffer;
}

/** From apps/gateway/{src,dist}/widget to apps/widget/dist. */
const DEFAULT_DIR = join(__dirname, '..', '..', '..', 'widget', 'dist');

/**
 * The built widget, read from disk once it exists (a gateway started before the widget was
 * built serves it after the build without a restart). The versioned file and /widget.js are
 * the same bytes; the manifest names the versioned file and its SRI hash.
 */
@Injectable()
export class WidgetAssets {
  private bundle: WidgetBundle | undefined;
  private readonly dir: string;

  constructor(@Inject(GATEWAY_CONFIG) config: AppConfig) {
    this.dir = config.widget.dir ?? DEFAULT_DIR;
  }

  /** The versioned file's path and its SRI hash (for an embed snippet), or null while the widget is not built. */
  release(): { src: string; integrity: string } | null {
    const manifest = this.get()?.manifest;
    return manifest ? { src: `/widget/v1/${manifest.file}`, integrity: manifest.integrity } : null;
  }

  /** The bundle, or undefined while the widget is not built. */
  get(): WidgetBundle | undefined {
    if (this.bundle) return this.bundle;
    try {
      const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(this.dir, 'manifest.json'), 'utf8')));
      this.bundle = { manifest, code: readFileSync(join(this.dir, manifest.file)) };
    } catch {
      return undefined;
    }
    return this.bundle;
  }
}
