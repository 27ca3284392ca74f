import { Injectable } from '@nestjs/common';
import { ChatTurnRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { TurnService } from './turn.service';

/** chat.turn: one turn, its frames streamed on chat.stream.<turnId>; the reply is the stored answer. */
@Injectable()
export class TurnRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly turns: TurnService,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ChatTurnRpc, (req) => this.turns.run(req));
  }
}
