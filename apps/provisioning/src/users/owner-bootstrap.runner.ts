import { Inject, Injectable, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { PrismaService } from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { bootstrapOwner } from './owner-bootstrap.use-case';

/** Upserts the owner from OWNER_EMAIL / OWNER_PASSWORD at start; logs one line, never the password. */
@Injectable()
export class OwnerBootstrapRunner implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
    @Optional() @Inject(SERVICE_LOGGER) private readonly logger?: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const owner = this.options.owner;
    if (!owner) return;
    const result = await bootstrapOwner(this.prisma, { email: owner.email, password: owner.password, bcryptCost: this.options.bcryptCost });
    this.logger?.info({ ownerId: result.id, outcome: result.outcome }, 'owner bootstrapped');
  }
}
