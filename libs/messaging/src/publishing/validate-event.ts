import { parseContract, type EventContract, type InputOf, type PayloadOf } from '@parley/contracts';
import { MessagingError } from '../errors/messaging.error';

export interface ValidatedEvent<C extends EventContract> {
  /** Logical subject (no namespace): `evt.<name>.<tenantId>`. */
  subject: string;
  payload: PayloadOf<C>;
}

/**
 * Validates an event before it is published or stored in the outbox: the payload must match
 * its contract and belong to the tenant of the subject.
 */
export function validateEvent<C extends EventContract>(contract: C, payload: InputOf<C>, tenantId: string): ValidatedEvent<C> {
  let subject: string;
  try {
    subject = contract.subjectFor(tenantId);
  } catch (err) {
    throw new MessagingError('INVALID_NAME', `${contract.id}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = parseContract(contract, payload);
  if (!parsed.ok) throw new MessagingError('INVALID_PAYLOAD', parsed.error.message, { issues: parsed.error.issues });
  const payloadTenant = (parsed.value as { tenantId?: unknown }).tenantId;
  if (typeof payloadTenant === 'string' && payloadTenant.toLowerCase() !== tenantId.toLowerCase()) {
    throw new MessagingError('TENANT_MISMATCH', `${contract.id}: payload tenantId differs from the subject tenant`);
  }
  return { subject, payload: parsed.value };
}
