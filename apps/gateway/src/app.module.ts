import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceRuntimeModule } from '@parley/runtime';
import { AdminModule } from './admin/admin.module';
import { OwnerAssistantModule } from './owner-assistant/owner-assistant.module';
import { OwnerChannelsModule } from './owner-channels/owner-channels.module';
import { BillingModule } from './billing/billing.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/env.schema';
import { ConsoleModule } from './console/console.module';
import { ConversationsModule } from './conversations/conversations.module';
import { CrmModule } from './crm/crm.module';
import { DocsModule } from './docs/docs.module';
import { HandoffModule } from './handoff/handoff.module';
import { InsightsModule } from './insights/insights.module';
import { IdentityProvidersModule } from './identity-providers/identity-providers.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SettingsModule } from './settings/settings.module';
import { SignalSettingsModule } from './signal-settings/signal-settings.module';
import { ApiHealthController } from './health/api-health.controller';
import { GatewayHttpModule } from './http/gateway-http.module';
import { TenantApiModule } from './tenant-api.module';
import { ToolsModule } from './tools/tools.module';
import { UsageModule } from './usage/usage.module';
import { AuditModule } from './audit/audit.module';
import { WidgetModule } from './widget/widget.module';

/**
 * The gateway: public REST + SSE API. Consumes no events and writes no outbox rows.
 * GatewayHttpModule comes after ServiceRuntimeModule so its problem filter takes precedence.
 * Routes: auth/login (AuthModule), owner and staff admin (AdminModule), the tenant API
 * (sessions, chat, knowledge, OpenAI-compatible: TenantApiModule), the tenant CRM (CrmModule),
 * human handoff and the visitor's live stream (HandoffModule), the console's conversations
 * (ConversationsModule) and the tenant's own settings (SettingsModule, SignalSettingsModule: /settings/signals), tools and integrations (ToolsModule,
 * IntegrationsModule), the widget, its site keys and demo pages (WidgetModule), the web console at /console (ConsoleModule), /docs (DocsModule).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot(config),
        GatewayHttpModule.forRoot(config),
        AuthModule.forRoot(config),
        AdminModule,
        OwnerAssistantModule,
        OwnerChannelsModule,
        BillingModule,
        TenantApiModule.forRoot(),
        CrmModule,
        ConversationsModule,
        SettingsModule,
        SignalSettingsModule,
        HandoffModule,
        InsightsModule,
        UsageModule,
        AuditModule,
        ToolsModule,
        IntegrationsModule,
        IdentityProvidersModule,
        NotificationsModule,
        WidgetModule,
        ConsoleModule.forRoot(),
        ...(config.docs.enabled ? [DocsModule] : []),
      ],
      controllers: [ApiHealthController],
    };
  }
}
