import { Controller, Get } from '@nestjs/common';
import { Auth, CurrentPrincipal, RateLimited } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal.types';

/** A test-only rate-limited route that every tenant principal may call (API key, session, staff). */
@Controller()
export class LimitsProbeController {
  @Get('api/v1/limits/probe')
  @Auth('api_key', 'session', 'staff')
  @RateLimited()
  probe(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
