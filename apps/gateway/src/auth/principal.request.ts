import type { Principal } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuthGuard on routes with @Auth(...); read it with @CurrentPrincipal(). */
    principal?: Principal;
  }
}

export {};
