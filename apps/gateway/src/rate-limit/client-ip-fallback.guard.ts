import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_KINDS } from '../auth/auth.metadata';
import { ClientIpLimit } from './client-ip-limit.installer';

/**
 * A global guard (it runs before a route's own): a request with a credential to a route without
 * `@Auth(...)` has its client IP counted here, since no AuthGuard will (ClientIpLimit).
 */
@Injectable()
export class ClientIpFallbackGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clientIp: ClientIpLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<unknown>(AUTH_KINDS, [context.getHandler(), context.getClass()]) !== undefined) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const check = this.clientIp.claim(request);
    if (check) await this.clientIp.enforce(request, http.getResponse<FastifyReply>(), check);
    return true;
  }
}
