import type { ChatDegradeAutomatic } from '@parley/contracts';

/**
 * The automatic degrade switches chat's replicas last published (ADR 0022), each kept until its
 * message's validForMs has passed since it arrived: the platform is automatically degraded for
 * as long as one live replica says so. Pure (the clock is passed in), so it is tested without
 * timers.
 */
export class AutomaticDegradeView {
  private readonly replicas = new Map<string, { skipModelExtraction: boolean; expiresAt: number }>();

  record(message: ChatDegradeAutomatic, now: number): void {
    this.replicas.set(message.replica, { skipModelExtraction: message.switches.skipModelExtraction, expiresAt: now + message.validForMs });
  }

  /** True while a replica's unexpired message has skip_model_extraction on; expired ones are dropped. */
  skipModelExtraction(now: number): boolean {
    let skip = false;
    for (const [replica, entry] of this.replicas) {
      if (entry.expiresAt <= now) this.replicas.delete(replica);
      else if (entry.skipModelExtraction) skip = true;
    }
    return skip;
  }
}
