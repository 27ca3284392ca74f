import { hashSecret, passwordProblem, verifySecret } from '@parley/auth';
import { isUniqueViolation, type PrismaClient } from '@parley/persistence';
import { enablePlatformUser, findPlatformUserByEmail, insertPlatformUser } from './platform-user.repository';

export interface OwnerBootstrapInput {
  email: string;
  password: string;
  displayName?: string;
  bcryptCost: number;
}

export type OwnerBootstrapOutcome = 'created' | 'password_updated' | 'unchanged';

/**
 * Upserts the platform owner. The stored hash is rewritten only when the password no longer
 * verifies against it (so restarts do not churn the hash); a disabled owner is re-enabled.
 */
export async function bootstrapOwner(
  prisma: PrismaClient,
  input: OwnerBootstrapInput,
): Promise<{ id: string; outcome: OwnerBootstrapOutcome }> {
  const problem = passwordProblem(input.password);
  if (problem) throw new Error(`OWNER_PASSWORD: ${problem}`);
  const email = input.email.trim().toLowerCase();
  const existing = await findPlatformUserByEmail(prisma, email);
  if (!existing) {
    try {
      const row = await insertPlatformUser(prisma, {
        email,
        passwordHash: await hashSecret(input.password, input.bcryptCost),
        displayName: input.displayName ?? 'Owner',
      });
      return { id: row.id, outcome: 'created' };
    } catch (error) {
      // Another replica created it first: verify against that row instead.
      if (isUniqueViolation(error)) return bootstrapOwner(prisma, input);
      throw error;
    }
  }
  const verifies = await verifySecret(input.password, existing.passwordHash).catch(() => false);
  if (verifies && existing.status === 'active') return { id: existing.id, outcome: 'unchanged' };
  await enablePlatformUser(prisma, existing.id, verifies ? undefined : await hashSecret(input.password, input.bcryptCost));
  return { id: existing.id, outcome: verifies ? 'unchanged' : 'password_updated' };
}
