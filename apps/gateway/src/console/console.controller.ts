import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, problems } from '../http/problem.exception';
import { ConsoleAssets } from './console-assets.loader';
import { ASSET_CACHE, PAGE_HEADERS } from './console-headers.constants';

/** A console path that names a file (has an extension) is never a client route. */
const FILE_LIKE = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;

function notBuilt(): ProblemException {
  return new ProblemException({
    status: 503,
    code: 'CONSOLE_NOT_BUILT',
    title: 'Console not available',
    detail: 'The web console is not built on this gateway (npm run build).',
    headers: { 'retry-after': '60' },
  });
}

/**
 * The web console (apps/console, docs/adr/0014-console.md) at /console: its hashed files under
 * /console/assets/ (immutable), and index.html for /console and every client route below it
 * (the single-page app routes in the browser), never cached, under a strict CSP. A missing
 * file is 404 problem+json; a gateway whose console is not built answers 503 problem+json.
 * Not part of the API document.
 */
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  constructor(private readonly assets: ConsoleAssets) {}

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): FastifyReply {
    const found = this.assets.asset(file);
    if (found.kind === 'not-built') throw notBuilt();
    if (found.kind === 'missing') throw problems.notFound(`No console file ${file}.`);
    return reply
      .header('content-type', found.file.contentType)
      .header('cache-control', ASSET_CACHE)
      .header('x-content-type-options', 'nosniff')
      .send(found.file.body);
  }

  @Get()
  root(@Res() reply: FastifyReply): FastifyReply {
    return this.page(reply);
  }

  @Get('*')
  route(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const path = request.url.split('?')[0].slice('/console'.length);
    if (path.startsWith('/assets/') || FILE_LIKE.test(path)) {
      if (!this.assets.indexHtml()) throw notBuilt();
      throw problems.notFound('No such console file.');
    }
    return this.page(reply);
  }

  private page(reply: FastifyReply): FastifyReply {
    const html = this.assets.indexHtml();
    if (!html) throw notBuilt();
    return reply.headers(PAGE_HEADERS).send(html);
  }
}
