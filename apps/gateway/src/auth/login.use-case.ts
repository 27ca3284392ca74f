import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UserTokens, verifySecret } from '@parley/auth';
import { UserLoginFailedRpc, UserLoginRecordedRpc, UserLookupRpc, type RpcRequestOf, type RpcResponseOf } from '@parley/contracts';
import { RpcClient } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { problems, ProblemException } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { rateLimitHeaders } from '../rate-limit/rate-limit.math';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import type { LoginRequest, LoginResponse } from './login.schema';

/** Failed or successful attempts per email per minute before logins of that email answer 429. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

// A bcrypt hash of a random string at the default cost: an unknown email pays the same bcrypt
// as a known one, so response times do not reveal which emails exist.
const DUMMY_HASH = '$2b$12$G5ytMV6w930j766lXge8Su8GQTBc.pRd7L348LYr0Eb3fLeTg5ATO';

type FoundUser = RpcResponseOf<typeof UserLookupRpc>;

/**
 * Owner and staff login: look the user up (UserLookupRpc), verify the bcrypt hash here, sign a
 * user JWT, and record the login. A wrong email and a wrong password give the same 401; a
 * disabled user or a deactivated tenant 403 (only after the password was right).
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly rpc: GatewayRpc,
    private readonly rpcClient: RpcClient,
    private readonly userTokens: UserTokens,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(input: LoginRequest): Promise<LoginResponse> {
    const email = input.email.toLowerCase();
    await this.limitAttempts(email);
    const found = await this.lookup(email);
    const valid = await verifySecret(input.password, found?.user.passwordHash ?? DUMMY_HASH);
    if (!found || !valid) {
      await this.recordFailure(email, found, found ? 'wrong_password' : 'unknown_email');
      throw problems.unauthorized('INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    const { user, tenantStatus } = found;
    if (user.status !== 'active') {
      await this.recordFailure(email, found, 'user_disabled');
      throw problems.forbidden('USER_DISABLED', 'This user is disabled.');
    }
    if (user.role !== 'owner' && tenantStatus !== 'active') {
      await this.recordFailure(email, found, 'tenant_deactivated');
      throw problems.forbidden('TENANT_DEACTIVATED', 'The tenant is deactivated.');
    }
    const signed = await this.userTokens.issueUserToken(
      user.role === 'owner'
        ? { userId: user.id, role: 'owner', ttlSeconds: this.config.auth.userTokenTtlSeconds }
        : {
            userId: user.id,
            role: user.role,
            tenantId: user.tenantId ?? undefined,
            ttlSeconds: this.config.auth.userTokenTtlSeconds,
            // Revocation (ADR 0024): the token dies when the stored version moves on.
            tokenVersion: user.tokenVersion ?? 0,
          },
    );
    await this.recordLogin(user.id, user.role, user.role === 'owner' ? null : user.tenantId);
    return {
      token: signed.token,
      expiresAt: signed.expiresAt.toISOString(),
      role: user.role,
      tenantId: user.role === 'owner' ? null : user.tenantId,
    };
  }

  private async lookup(email: string): Promise<FoundUser | undefined> {
    try {
      return await this.rpc.call(UserLookupRpc, { version: 1, email }, { timeoutMs: this.config.rpc.timeoutMs });
    } catch (error) {
      if (error instanceof ProblemException && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  private async limitAttempts(email: string): Promise<void> {
    const id = createHash('sha256').update(email).digest('hex').slice(0, 32);
    const verdict = await this.limiter.consume('login', id, LOGIN_ATTEMPTS_PER_MINUTE);
    if (verdict && !verdict.allowed) {
      throw new ProblemException({
        status: 429,
        code: 'RATE_LIMITED',
        title: 'Too many requests',
        detail: 'Too many login attempts; retry later.',
        headers: rateLimitHeaders(verdict),
      });
    }
  }

  /**
   * The audit trail's auth.login_failed row (provisioning writes it): a known user by id, an
   * unknown email only as its sha256, never the password. A failure to record is logged and the
   * caller still gets its 401/403 (docs/adr/0023-audit-trail.md).
   */
  private async recordFailure(
    email: string,
    found: FoundUser | undefined,
    reason: RpcRequestOf<typeof UserLoginFailedRpc>['reason'],
  ): Promise<void> {
    const user = found ? { id: found.user.id, role: found.user.role, tenantId: found.user.tenantId } : null;
    const emailSha256 = createHash('sha256').update(email).digest('hex');
    try {
      await this.rpcClient.request(UserLoginFailedRpc, { version: 1, reason, user, emailSha256 }, { timeoutMs: this.config.rpc.timeoutMs });
    } catch (error) {
      this.logger.warn({ err: error, reason }, 'could not record the failed login');
    }
  }

  /**
   * last_login_at is bookkeeping (its transaction also writes the auth.login audit row): a failure to record it is logged (the RpcError itself, hence
   * the RpcClient rather than GatewayRpc), never fails the login.
   */
  private async recordLogin(userId: string, role: FoundUser['user']['role'], tenantId: string | null): Promise<void> {
    try {
      await this.rpcClient.request(UserLoginRecordedRpc, { version: 1, userId, role, tenantId }, { timeoutMs: this.config.rpc.timeoutMs });
    } catch (error) {
      this.logger.warn({ err: error, user_id: userId }, 'could not record the login');
    }
  }
}
