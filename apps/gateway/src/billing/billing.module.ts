import { Module } from '@nestjs/common';
import { AdminPlansController } from './admin-plans.controller';

/** Billing (docs/adr/0024-plans-quotas-invoice-preview.md): the owner's plans and tenant plan assignment. */
@Module({ controllers: [AdminPlansController] })
export class BillingModule {}
