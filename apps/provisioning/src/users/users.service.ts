import { Inject, Injectable } from '@nestjs/common';
import {
  userRoleSchema,
  type RpcRequestOf,
  type RpcResponseOf,
  type StaffUserCreateRpc,
  type StaffUserListRpc,
  type UserLoginFailedRpc,
  type UserLoginRecordedRpc,
  type UserLookupRpc,
} from '@parley/contracts';
import { findLoginCandidates, PrismaService, TenantDb, type PrismaClient, type TenantTx } from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { tenantExists } from '../tenants/tenant.repository';
import { auditFailedLogin, auditLogin } from './login-audit.repository';
import { recordPlatformUserLogin } from './platform-user.repository';
import { insertStaffUser, listStaffUsers, prepareStaffUser, recordStaffLogin } from './staff-user.repository';
import { findStaffTokenState } from './staff-user-update.repository';

/** Logins (owners in platform_users, staff in tenant_users): lookup for the gateway, staff creation. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
  ) {}

  /** The login with this email (owners first); the gateway verifies the password. */
  async lookup(req: RpcRequestOf<typeof UserLookupRpc>): Promise<RpcResponseOf<typeof UserLookupRpc>> {
    const email = req.email.trim().toLowerCase();
    const [candidate] = await findLoginCandidates(this.prisma, email);
    if (!candidate) throw ProvisioningError.notFound('user');
    const tenantId = candidate.tenantId;
    const state = tenantId === null ? null : await this.tenantDb.run(tenantId, (tx) => findStaffTokenState(tx, tenantId, candidate.userId));
    return {
      version: 1,
      user: {
        id: candidate.userId,
        tenantId: candidate.tenantId,
        email,
        passwordHash: candidate.passwordHash,
        role: userRoleSchema.parse(candidate.role),
        status: candidate.userStatus === 'active' ? 'active' : 'disabled',
        tokenVersion: state?.tokenVersion ?? 0,
      },
      tenantStatus: candidate.tenantStatus === null ? null : candidate.tenantStatus === 'active' ? 'active' : 'deactivated',
    };
  }

  /**
   * Records last_login_at. Owners only: tenant_users is under RLS and the contract carries no
   * tenant id, so a staff login cannot be located by the app role (reported as a contract gap).
   */
  async loginRecorded(req: RpcRequestOf<typeof UserLoginRecordedRpc>): Promise<RpcResponseOf<typeof UserLoginRecordedRpc>> {
    const now = new Date();
    const tenantId = req.tenantId;
    // The audit row (auth.login) commits with last_login_at, or neither does.
    const record = async (tx: TenantTx, found: boolean) => {
      if (!found) throw ProvisioningError.notFound('user');
      await auditLogin(tx, { userId: req.userId, role: req.role, tenantId });
    };
    if (tenantId === null) {
      await this.prisma.$transaction(async (tx) => record(tx, await recordPlatformUserLogin(tx, req.userId, now)));
    } else {
      await this.tenantDb.run(tenantId, async (tx) => record(tx, await recordStaffLogin(tx, tenantId, req.userId, now)));
    }
    return { version: 1, userId: req.userId, lastLoginAt: now.toISOString() };
  }

  /** A refused login (the gateway decided): one audit row, in the user's tenant chain or the platform chain. */
  async loginFailed(req: RpcRequestOf<typeof UserLoginFailedRpc>): Promise<RpcResponseOf<typeof UserLoginFailedRpc>> {
    const tenantId = req.user?.tenantId ?? null;
    if (tenantId === null) await this.prisma.$transaction((tx) => auditFailedLogin(tx, req));
    else await this.tenantDb.run(tenantId, (tx) => auditFailedLogin(tx, req));
    return { version: 1, recorded: true };
  }

  async createStaff(req: RpcRequestOf<typeof StaffUserCreateRpc>): Promise<RpcResponseOf<typeof StaffUserCreateRpc>> {
    if (!(await tenantExists(this.prisma, req.tenantId))) throw ProvisioningError.notFound('tenant');
    const prepared = await prepareStaffUser(req, this.options.bcryptCost);
    const user = await this.tenantDb.run(req.tenantId, (tx) => insertStaffUser(tx, req.tenantId, prepared, req.actor));
    return { version: 1, user };
  }

  /** The tenant's staff for its admins (never a password hash). */
  async listStaff(req: RpcRequestOf<typeof StaffUserListRpc>): Promise<RpcResponseOf<typeof StaffUserListRpc>> {
    const items = await this.tenantDb.run(req.tenantId, (tx) => listStaffUsers(tx, req.tenantId));
    return { version: 1, items };
  }
}
