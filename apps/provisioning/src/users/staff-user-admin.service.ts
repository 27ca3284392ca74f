import { Inject, Injectable } from '@nestjs/common';
import type { RpcRequestOf, RpcResponseOf, StaffUserUpdateRpc, UserTokenStateRpc } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { prepareStaffUser } from './staff-user.repository';
import { findStaffTokenState, updateStaffUser, type StaffUserChange } from './staff-user-update.repository';

/** Changes to staff users that end their tokens, and the token state the gateway checks (ADR 0024). */
@Injectable()
export class StaffUserAdminService {
  constructor(
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
  ) {}

  /**
   * Changes a staff user (role, status, password, name). A new password is checked and hashed
   * outside the transaction; a change of password, status or role bumps token_version, which
   * ends the user's existing tokens at the gateway.
   */
  async update(req: RpcRequestOf<typeof StaffUserUpdateRpc>): Promise<RpcResponseOf<typeof StaffUserUpdateRpc>> {
    const { password, ...rest } = req.patch;
    const change: StaffUserChange = { ...rest };
    if (password !== undefined) {
      const prepared = await prepareStaffUser({ email: '', password, role: 'tenant_agent' }, this.options.bcryptCost, 'patch.password');
      change.passwordHash = prepared.passwordHash;
    }
    const user = await this.tenantDb.run(req.tenantId, (tx) => updateStaffUser(tx, req.tenantId, req.userId, change, req.actor));
    if (!user) throw ProvisioningError.notFound('user');
    return { version: 1, user };
  }

  /** A staff user's role, status and token version. */
  async tokenState(req: RpcRequestOf<typeof UserTokenStateRpc>): Promise<RpcResponseOf<typeof UserTokenStateRpc>> {
    const state = await this.tenantDb.run(req.tenantId, (tx) => findStaffTokenState(tx, req.tenantId, req.userId));
    if (!state) throw ProvisioningError.notFound('user');
    return {
      version: 1,
      userId: state.id,
      role: state.role,
      status: state.status === 'active' ? 'active' : 'disabled',
      tokenVersion: state.tokenVersion,
    };
  }
}
