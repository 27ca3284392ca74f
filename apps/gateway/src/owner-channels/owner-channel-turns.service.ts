import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { ProblemException } from '../http/problem.exception';
import { OwnerAssistantService } from '../owner-assistant/owner-assistant.service';

export interface ChannelTurn {
  platform: 'slack' | 'discord';
  ownerId: string;
  conversationId: string;
  message: string;
  /** Posts the answer back to where it was asked; false when that failed. */
  deliver(text: string): Promise<boolean>;
}

/** At shutdown, turns still running get this long to post their answers before the connections close. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Runs an owner's Slack or Discord message through the same assistant as the console (ADR 0026,
 * 0027) after the request was acknowledged, then posts the answer back. Nothing here throws:
 * the HTTP answer is long gone, so a failure becomes the text posted (and a log line).
 */
@Injectable()
export class OwnerChannelTurns implements BeforeApplicationShutdown {
  private readonly running = new Set<Promise<void>>();

  constructor(
    @Inject(OwnerAssistantService) private readonly assistant: OwnerAssistantService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  start(turn: ChannelTurn): void {
    const run = this.run(turn).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Waits for the turns in flight (shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** A replica that stops lets its acknowledged turns finish (bounded), before NATS and Redis close. */
  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
    await Promise.race([this.settle(), grace]);
    clearTimeout(timer);
  }

  private async run(turn: ChannelTurn): Promise<void> {
    let text: string;
    try {
      const answer = await this.assistant.ask({
        ownerId: turn.ownerId,
        conversationId: turn.conversationId,
        startIfMissing: true,
        message: turn.message,
      });
      text = answer.text;
    } catch (err) {
      const conflict = err instanceof ProblemException && err.getStatus() === 409;
      if (!conflict) this.logger.error({ err, platform: turn.platform }, 'owner channel turn failed');
      text = conflict
        ? 'Another message of this conversation was answered meanwhile; send yours again.'
        : 'The assistant failed; nothing more was changed.';
    }
    const delivered = await turn.deliver(text).catch(() => false);
    this.logger.info({ platform: turn.platform, conversationId: turn.conversationId, delivered }, 'owner channel answered');
  }
}
