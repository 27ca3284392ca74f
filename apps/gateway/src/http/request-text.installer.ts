import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { problems, type ProblemFieldError } from './problem.exception';
import { unstorableTextReason } from './storable-text.util';

/** Query and path parameters with text no service can store (NUL, lone surrogates), by name. */
export function unstorableParameters(params: unknown): ProblemFieldError[] {
  if (params === null || typeof params !== 'object') return [];
  return Object.entries(params).flatMap(([name, value]) => {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    const reason =
      unstorableTextReason(name) ?? values.map((v) => (typeof v === 'string' ? unstorableTextReason(v) : undefined)).find(Boolean);
    return reason ? [{ path: name, message: reason }] : [];
  });
}

/**
 * Refuses query strings and path parameters carrying NUL characters or lone surrogates
 * (`?search=%00` reached PostgreSQL and failed there, a 500) with 400 VALIDATION naming the
 * parameter, before any guard or handler runs. Bodies get the same check in their parsers.
 */
@Injectable()
export class RequestTextInstaller implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('preValidation', (request, _reply, done) => {
      const errors = [...unstorableParameters(request.params), ...unstorableParameters(request.query)];
      if (errors.length === 0) return done();
      done(problems.validation(errors, 'The query string or path has text that cannot be stored (NUL characters or lone surrogates).'));
    });
  }
}
