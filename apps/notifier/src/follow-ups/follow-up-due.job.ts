import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { TenantDb } from '@parley/persistence';
import { IntervalJob } from '../common/interval-job.base';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { NotificationIntakeService } from '../intake/notification-intake.service';
import { followUpDueAt } from './follow-up-due.util';
import { FollowUpDueRepository, type FollowUpCandidate } from './follow-up-due.repository';
import { toReminder } from './follow-up-reminder.mapper';

/** Follow-ups created longer ago than this are not looked at (a due date further out than this gets no reminder). */
export const FOLLOW_UP_HORIZON_MS = 60 * 86_400_000;
/** A follow-up whose due time passed longer ago than this without a reminder (the notifier was down) is not reminded late. */
export const FOLLOW_UP_LATE_LIMIT_MS = 86_400_000;

/**
 * "Follow-up due": every NOTIFIER_FOLLOW_UP_INTERVAL_MS, each open follow-up whose due time
 * (followUpDueAt, the tenant's time zone) has come gets one `follow_up` notification, routed
 * like any other. The reminder row and the notification are written in one transaction keyed
 * by the follow-up, so a second run, a second replica or a restart never reminds it twice.
 */
@Injectable()
export class FollowUpDueJob extends IntervalJob {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: FollowUpDueRepository,
    private readonly intake: NotificationIntakeService,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.options.followUpIntervalMs;
  }

  protected failureMessage(): string {
    return 'follow-up reminder run failed';
  }

  protected jobLogger(): Logger {
    return this.logger;
  }

  /** Returns how many reminders were stored. */
  async runOnce(now = new Date()): Promise<number> {
    let reminded = 0;
    for (const scope of await this.repo.scopes(new Date(now.getTime() - FOLLOW_UP_HORIZON_MS))) {
      for (const { candidate, dueAt } of await this.dueIn(scope, now)) {
        const notification = toReminder(candidate, scope, dueAt);
        const result = await this.intake.acceptClaimed(
          notification,
          async (tx) => (await this.repo.stillOpen(tx, candidate)) && this.repo.claim(tx, scope, candidate.key, dueAt, notification.id),
        );
        if (result.stored) reminded += 1;
      }
    }
    if (reminded > 0) this.logger.info({ reminders: reminded }, 'follow-up reminders stored');
    return reminded;
  }

  private dueIn(scope: string, now: Date): Promise<Array<{ candidate: FollowUpCandidate; dueAt: Date }>> {
    return this.db.run(scope, async (tx) => {
      const timeZone = await this.repo.timeZone(tx, scope);
      const due = (await this.repo.candidates(tx, scope, new Date(now.getTime() - FOLLOW_UP_HORIZON_MS)))
        .map((candidate) => ({ candidate, dueAt: followUpDueAt(candidate.due, candidate.createdAt, timeZone) }))
        .filter((c): c is { candidate: FollowUpCandidate; dueAt: Date } => c.dueAt !== null)
        .filter((c) => c.dueAt <= now && now.getTime() - c.dueAt.getTime() <= FOLLOW_UP_LATE_LIMIT_MS);
      const reminded = await this.repo.reminded(
        tx,
        scope,
        due.map((c) => c.candidate.key),
      );
      return due.filter((c) => !reminded.has(c.candidate.key));
    });
  }
}
