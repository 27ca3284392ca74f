import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import type { AppConfig } from '../config/env.schema';
import { decodeUtf8Strict, parseJsonBody } from './strict-body-parsers';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Replaces Fastify's JSON and text parsers with strict ones: invalid UTF-8 is a 400 (never
 * silently turned into U+FFFD), and bodies over GATEWAY_BODY_LIMIT_BYTES are a 413.
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
    const bodyLimit = this.config.limits.bodyLimitBytes;
    const install = (type: string, parse: (body: Buffer) => unknown) => {
      if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_req: FastifyRequest, body: Buffer, done: Done) => {
        try {
          done(null, parse(body));
        } catch (error) {
          done(error as Error);
        }
      });
    };
    install('application/json', parseJsonBody);
    install('text/plain', decodeUtf8Strict);
    install('text/markdown', decodeUtf8Strict);
  }
}
