import { Controller, HttpCode, Post } from '@nestjs/common';
import { Auth, CurrentPrincipal } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal.types';
import { RequiresPlanFeature } from '../../plan-feature.decorators';

/** A test-only route of the `knowledge` feature that counts the calls its handler served. */
@Controller()
export class FeatureProbeController {
  static served = 0;

  @Post('api/v1/features/probe')
  @HttpCode(200)
  @RequiresPlanFeature('knowledge')
  @Auth('api_key', 'staff', 'owner')
  probe(@CurrentPrincipal() principal: Principal): { kind: string } {
    FeatureProbeController.served += 1;
    return { kind: principal.kind };
  }
}
