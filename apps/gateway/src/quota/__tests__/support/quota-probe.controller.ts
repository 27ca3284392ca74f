import { Controller, HttpCode, Post } from '@nestjs/common';
import { Auth, CurrentPrincipal, RateLimited } from '../../../auth/auth.decorators';
import type { SessionPrincipal } from '../../../auth/principal.types';
import { QuotaEnforced } from '../../quota.decorators';

/** A test-only turn-like route: the plan's quota, a session token, the rate limits, in the turn routes' order. */
@Controller()
export class QuotaProbeController {
  @Post('api/v1/quota/probe')
  @HttpCode(200)
  @QuotaEnforced()
  @Auth('session')
  @RateLimited()
  probe(@CurrentPrincipal() principal: SessionPrincipal): { tenantId: string } {
    return { tenantId: principal.tenantId };
  }
}
