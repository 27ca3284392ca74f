import type { EventContract, PayloadOf, SchemaContract } from '@parley/contracts';
import { PermanentError } from '../errors/permanent.error';
import type { ConsumerHandler, ConsumerMessageMeta } from './consumer-message';

export interface EventRoute<C extends EventContract = EventContract> {
  contract: C;
  handle(payload: PayloadOf<C>, meta: ConsumerMessageMeta): Promise<void>;
}

/** A typed route: `on(ChatTurnCompletedEvent, (turn, meta) => ...)`. */
export function on<C extends EventContract>(
  contract: C,
  handle: (payload: PayloadOf<C>, meta: ConsumerMessageMeta) => Promise<void>,
): EventRoute<C> {
  return { contract, handle };
}

/**
 * `contractFor` + `handler` for startConsumer from typed routes. A subject without a route
 * has no contract, so the runner dead-letters it as `unknown_subject`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- routes of different contracts
export function routeEvents(routes: ReadonlyArray<EventRoute<any>>): {
  contractFor: (subject: string) => SchemaContract | null;
  handler: ConsumerHandler;
} {
  const byPrefix = new Map<string, EventRoute>();
  for (const route of routes as unknown as EventRoute[]) byPrefix.set(`evt.${route.contract.name}.`, route);
  const find = (subject: string): EventRoute | undefined => {
    const prefix = subject.slice(0, subject.lastIndexOf('.') + 1);
    return byPrefix.get(prefix);
  };
  return {
    contractFor: (subject) => find(subject)?.contract ?? null,
    handler: async (payload, meta) => {
      const route = find(meta.subject);
      if (!route) throw new PermanentError(`no route for ${meta.subject}`);
      await route.handle(payload as never, meta);
    },
  };
}
