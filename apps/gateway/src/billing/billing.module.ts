import { Module } from '@nestjs/common';
import { AdminPlansController } from './admin-plans.controller';
import { AdminInvoicePreviewController, InvoicePreviewController } from './invoice-preview.controller';
import { InvoicePreviewService } from './invoice-preview.service';

/**
 * Billing (docs/adr/0025-plans-quotas-invoice-preview.md): the owner's plans and tenant plan
 * assignment (/api/v1/admin/plans, /api/v1/admin/tenants/:id/plan) and invoice previews
 * (/api/v1/billing/invoice-preview for tenant admins, /api/v1/admin/tenants/:id/invoice-preview for the owner).
 */
@Module({
  controllers: [AdminPlansController, InvoicePreviewController, AdminInvoicePreviewController],
  providers: [InvoicePreviewService],
})
export class BillingModule {}
