import { Module } from '@nestjs/common';
import { AdminAuditLogController } from './admin-audit-log.controller';
import { AuditLogController } from './audit-log.controller';

/** The audit trail: a tenant admin's own, the owner's across tenants, export and verify (served by client-insights over NATS). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [AuditLogController, AdminAuditLogController] })
export class AuditModule {}
