import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import type { AppConfig } from '../config/env.schema';
import { assertPlainUtf8Body, parseJsonBody, parseTextBody } from './strict-body.parser';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Replaces Fastify's JSON and text parsers with strict ones: a charset other than UTF-8 or a
 * compressed body is a 415, invalid UTF-8 is a 400 (never silently turned into U+FFFD), JSON
 * nested deeper than GATEWAY_MAX_JSON_DEPTH or repeating a member name is a 400 (see
 * parseJsonBody), and bodies over GATEWAY_BODY_LIMIT_BYTES are a 413. Nest's form parser is
 * removed: no route takes a form, and a form is a body any page can post cross-site without a
 * preflight. Media types without a parser get Fastify's 415, rendered as problem+json by
 * GatewayProblemFilter.
 */
@Injectable()
export class BodyParserInstaller implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP
    const { bodyLimitBytes: bodyLimit, maxJsonDepth } = this.config.limits;
    const install = (type: string, parse: (body: Buffer) => unknown) => {
      if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (request: FastifyRequest, body: Buffer, done: Done) => {
        try {
          assertPlainUtf8Body(request.headers);
          done(null, parse(body));
        } catch (error) {
          done(error as Error);
        }
      });
    };
    const form = 'application/x-www-form-urlencoded';
    if (fastify.hasContentTypeParser(form)) fastify.removeContentTypeParser(form);
    install('application/json', (body) => parseJsonBody(body, maxJsonDepth));
    install('text/plain', parseTextBody);
    install('text/markdown', parseTextBody);
  }
}
