import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, type RpcContract } from '@parley/contracts';
import type { RpcEndpoint, RpcHandler, RpcServer } from '@parley/messaging';

export type Serve = <C extends RpcContract>(contract: C, handler: RpcHandler<C>) => void;

/**
 * Registers a capability's RPC endpoints in the provisioning queue group when the application
 * has bootstrapped, and stops them (in-flight requests finish) before NATS drains.
 */
export abstract class RpcHandlers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly endpoints: RpcEndpoint[] = [];

  protected constructor(private readonly server: RpcServer) {}

  protected abstract register(serve: Serve): void;

  onApplicationBootstrap(): void {
    this.register((contract, handler) => {
      this.endpoints.push(this.server.handle(contract, handler, { queue: RPC_QUEUE_GROUPS.provisioning }));
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.endpoints.splice(0).map((endpoint) => endpoint.stop()));
  }
}
