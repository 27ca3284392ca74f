import type { Principal } from './principal.types';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuthGuard on routes with @Auth(...); read it with @CurrentPrincipal(). */
    principal?: Principal;
  }
}

export {};
