import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { RpcContract } from '@parley/contracts';
import type { RpcEndpoint, RpcHandler, RpcServer } from '@parley/messaging';

export type Serve = <C extends RpcContract>(contract: C, handler: RpcHandler<C>) => void;

/**
 * A capability's NATS RPC entry points (`<feature>.handler.ts`): registered in the service's
 * queue group once the application has bootstrapped, and stopped (in-flight requests finish)
 * before NATS drains.
 */
export abstract class RpcHandlers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly endpoints: RpcEndpoint[] = [];

  protected constructor(
    private readonly server: RpcServer,
    private readonly queue: string,
  ) {}

  protected abstract register(serve: Serve): void;

  onApplicationBootstrap(): void {
    this.register((contract, handler) => {
      this.endpoints.push(this.server.handle(contract, handler, { queue: this.queue }));
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.endpoints.splice(0).map((endpoint) => endpoint.stop()));
  }
}
