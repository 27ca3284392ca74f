import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { tenantIdParamSchema } from '../admin/admin.schemas';
import { tenantPrincipal } from '../tenant-principal.util';
import { InvoicePreviewService } from './invoice-preview.service';
import {
  invoicePreviewQuerySchema,
  invoicePreviewSchema,
  type InvoicePreviewAnswer,
  type InvoicePreviewQuery,
} from './invoice-preview.schemas';

const PeriodQuery = () =>
  ApiQuery({ name: 'period', required: false, enum: ['current', 'last'], description: 'The current period (default) or the last one.' });

const DESCRIPTION =
  "Line items (base fee, included messages and tokens, overage at the plan's prices), included, overage and total, " +
  "as exact decimal strings and integer minor units. The period is the calendar month in the tenant's time zone; " +
  "quantities are the billing record's (usage_daily), so the current period is as fresh as the retention job's last run.";

/** The caller's own tenant's invoice preview: tenant admins (staff JWT). The tenant comes from the credential. */
@ApiTags('billing')
@Controller('api/v1/billing')
@Auth('staff')
@StaffRoles('tenant_admin')
@RateLimited()
export class InvoicePreviewController {
  constructor(@Inject(InvoicePreviewService) private readonly invoices: InvoicePreviewService) {}

  @Get('invoice-preview')
  @ApiOperation({
    summary: "This tenant's invoice preview for the current or the last period (`period=current|last`).",
    description: DESCRIPTION,
  })
  @PeriodQuery()
  @ApiResponse({ status: 200, standardSchema: invoicePreviewSchema })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: invoicePreviewQuerySchema }) query: InvoicePreviewQuery,
  ): Promise<InvoicePreviewAnswer> {
    return this.invoices.preview(tenantPrincipal(principal).tenantId, query.period);
  }
}

/** Any tenant's invoice preview, for the owner. */
@ApiTags('admin')
@Controller('api/v1/admin/tenants')
@Auth('owner')
export class AdminInvoicePreviewController {
  constructor(@Inject(InvoicePreviewService) private readonly invoices: InvoicePreviewService) {}

  @Get(':id/invoice-preview')
  @ApiOperation({
    summary: "A tenant's invoice preview for the current or the last period (`period=current|last`).",
    description: DESCRIPTION,
  })
  @PeriodQuery()
  @ApiResponse({ status: 200, standardSchema: invoicePreviewSchema })
  @ApiResponse({ status: 404, description: 'No such tenant (problem+json).' })
  async get(
    @Param('id', { schema: tenantIdParamSchema }) tenantId: string,
    @Query({ schema: invoicePreviewQuerySchema }) query: InvoicePreviewQuery,
  ): Promise<InvoicePreviewAnswer> {
    return this.invoices.preview(tenantId, query.period);
  }
}
