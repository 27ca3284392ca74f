import { Module } from '@nestjs/common';
import { ClientIpLimitInstaller } from './client-ip-limit.installer';

/**
 * The per-client-IP limit on every API request (ClientIpLimitInstaller). The RateLimiter itself
 * is provided by the global AuthModule, whose guard applies the per-credential and per-tenant limits.
 */
@Module({ providers: [ClientIpLimitInstaller] })
export class RateLimitModule {}
