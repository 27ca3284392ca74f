import { Inject, Injectable } from '@nestjs/common';
import { PrismaService, type PrismaClient } from '@parley/persistence';

/**
 * The ids of the active tenants, for the schedulers' passes. Reads the tenants registry with
 * the app-role client (tenants has no RLS: it is the registry itself).
 */
@Injectable()
export class ActiveTenantsRepository {
  constructor(@Inject(PrismaService) private readonly prisma: Pick<PrismaClient, 'tenant'>) {}

  async ids(): Promise<string[]> {
    const tenants = await this.prisma.tenant.findMany({ where: { status: 'active' }, select: { id: true }, orderBy: { id: 'asc' } });
    return tenants.map((t) => t.id);
  }
}
