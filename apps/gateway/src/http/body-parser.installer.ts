import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import type { AppConfig } from '../config/env.schema';
import { ProblemException } from './problem.exception';
import { assertPlainUtf8Body, parseJsonBody, parseTextBody } from './strict-body.parser';

type Done = (err: Error | null, body?: unknown) => void;

/** The bytes of a parsed body, kept for the routes that verify a signature over them (ADR 0027). */
export const RAW_BODY = Symbol('rawBody');
export type WithRawBody = FastifyRequest & { [RAW_BODY]?: Buffer };

/** The only route that takes a form: Slack's slash command, signed (docs/adr/0027-owner-chat-channels.md). */
const FORM_ROUTE = /^\/api\/v1\/owner-channels\/[^/?]+\/slack(?:\?|$)/;

/**
 * Replaces Fastify's JSON and text parsers with strict ones: a charset other than UTF-8 or a
 * compressed body is a 415, invalid UTF-8 is a 400 (never silently turned into U+FFFD), JSON
 * nested deeper than GATEWAY_MAX_JSON_DEPTH or repeating a member name is a 400 (see
 * parseJsonBody), and bodies over GATEWAY_BODY_LIMIT_BYTES are a 413. Nest's form parser is
 * replaced by one that accepts a form only on the signed Slack command route (a form is a body
 * any page can post cross-site without a preflight; that route refuses anything unsigned). The
 * raw bytes stay on the request (RAW_BODY) for signature checks. Media types without a parser
 * get Fastify's 415, rendered as problem+json by GatewayProblemFilter.
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
    const install = (type: string, parse: (body: Buffer, request: FastifyRequest) => unknown) => {
      if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (request: FastifyRequest, body: Buffer, done: Done) => {
        try {
          assertPlainUtf8Body(request.headers);
          const parsed = parse(body, request);
          (request as WithRawBody)[RAW_BODY] = body;
          done(null, parsed);
        } catch (error) {
          done(error as Error);
        }
      });
    };
    const form = 'application/x-www-form-urlencoded';
    if (fastify.hasContentTypeParser(form)) fastify.removeContentTypeParser(form);
    install(form, (body, request) => {
      if (!FORM_ROUTE.test(request.url)) {
        throw new ProblemException({
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          title: 'Unsupported media type',
          detail: 'No route here takes a form.',
        });
      }
      return Object.fromEntries(new URLSearchParams(parseTextBody(body) as string));
    });
    install('application/json', (body) => parseJsonBody(body, maxJsonDepth));
    install('text/plain', parseTextBody);
    install('text/markdown', parseTextBody);
  }
}
