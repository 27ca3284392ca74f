import { Body, Controller, Get, Post } from '@nestjs/common';
import { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited, SessionParam, StaffRoles } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal.types';

const probeBody = z.object({ name: z.string().min(1), count: z.int().min(0), tags: z.array(z.string()).optional() }).strict();

/** Test-only routes that exercise the auth decorators the way feature controllers use them. */
@Controller()
export class ProbeController {
  @Get('api/v1/chat/probe')
  @Auth('api_key', 'session')
  @RateLimited()
  tenantProbe(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post('api/v1/sessions/:id/probe')
  @Auth('session')
  @SessionParam('id')
  sessionProbe(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('probe/owner')
  @Auth('owner')
  ownerProbe(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('probe/tenant-admin')
  @Auth('staff', 'owner')
  @StaffRoles('tenant_admin')
  adminProbe(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post('probe/body')
  @Auth('api_key')
  bodyProbe(@Body({ schema: probeBody }) body: z.output<typeof probeBody>): { received: z.output<typeof probeBody> } {
    return { received: body };
  }
}
