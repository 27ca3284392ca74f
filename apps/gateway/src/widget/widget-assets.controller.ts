import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WidgetDemoPageRpc } from '@parley/contracts';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { problems } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { renderDemoPage } from './demo-page.html';
import { demoSlugParamSchema, widgetFileParamSchema } from './dto/widget.schemas';
import { WidgetAssets } from './widget-assets.loader';

const JS = 'text/javascript; charset=utf-8';
/** /widget.js may change with a deploy: caches revalidate after 5 minutes. */
const LATEST_CACHE = 'public, max-age=300';
/** A versioned file never changes. */
const VERSIONED_CACHE = 'public, max-age=31536000, immutable';
const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * The embeddable widget (/widget.js, latest; /widget/v1/widget.<hash>.js, versioned and
 * immutable, for Subresource Integrity) and the demo pages (/demo/<tenant-slug>) of active
 * tenants with a site key. Not part of the API document.
 */
@ApiExcludeController()
@Controller()
export class WidgetAssetsController {
  constructor(
    private readonly assets: WidgetAssets,
    private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('widget.js')
  latest(@Res() reply: FastifyReply): FastifyReply {
    return this.sendWidget(reply, undefined);
  }

  @Get('widget/v1/:file')
  versioned(@Param('file', { schema: widgetFileParamSchema }) file: string, @Res() reply: FastifyReply): FastifyReply {
    return this.sendWidget(reply, file);
  }

  @Get('demo/:slug')
  async demo(
    @Param('slug', { schema: demoSlugParamSchema }) slug: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    if (!this.config.widget.demoPages) throw problems.notFound('Demo pages are turned off on this gateway.');
    const page = await this.rpc.call(WidgetDemoPageRpc, { version: 1, slug }, { timeoutMs: this.config.rpc.timeoutMs });
    const html = renderDemoPage({ ...page, origin: `${request.protocol}://${request.host}`, manifest: this.assets.get()?.manifest });
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', DEMO_CSP)
      .send(html);
  }

  private sendWidget(reply: FastifyReply, file: string | undefined): FastifyReply {
    const bundle = this.assets.get();
    if (!bundle) throw problems.notFound('The widget is not built on this gateway (npm run build).');
    if (file !== undefined && file !== bundle.manifest.file) throw problems.notFound('No such widget version.');
    return reply
      .header('content-type', JS)
      .header('cache-control', file === undefined ? LATEST_CACHE : VERSIONED_CACHE)
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .send(bundle.code);
  }
}
