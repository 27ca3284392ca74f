import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** A Prisma client or an interactive-transaction client: what repositories accept. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** The client handed to TenantDb.run() callbacks: a transaction with app.tenant_id set. */
export type TenantTx = Prisma.TransactionClient;
