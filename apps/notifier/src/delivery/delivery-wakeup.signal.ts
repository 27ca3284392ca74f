import { Injectable } from '@nestjs/common';

/**
 * Tells this replica's dispatcher that deliveries are due now, so a notification stored here
 * goes out at once instead of at the next poll (other replicas find it by polling).
 */
@Injectable()
export class DeliveryWakeup {
  private listener: (() => void) | null = null;

  onWake(listener: () => void): void {
    this.listener = listener;
  }

  wake(): void {
    this.listener?.();
  }
}
