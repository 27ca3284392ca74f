import { Module, type DynamicModule } from '@nestjs/common';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { DegradeModule } from './degrade/degrade.module';
import { KNOWLEDGE_EMBEDDER, PROVISIONING_OPTIONS, type KnowledgeEmbedder, type ProvisioningOptions } from './common/provisioning.options';
import { IdentityProvidersModule } from './identity-providers/identity-providers.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { OwnerAssistantModule } from './owner-assistant/owner-assistant.module';
import { OwnerChannelsModule } from './owner-channels/owner-channels.module';
import { PlansModule } from './plans/plans.module';
import { SignalSettingsModule } from './signal-settings/signal-settings.module';
import { SiteKeysModule } from './site-keys/site-keys.module';
import { TenantsModule } from './tenants/tenants.module';
import { ToolsModule } from './tools/tools.module';
import { UsersModule } from './users/users.module';

/**
 * Provisioning's capabilities (tenants, API keys, site keys and widget settings, users, knowledge, signal settings, tools and integrations), each serving its RPCs in
 * the provisioning queue group. Needs PersistenceModule and MessagingModule (global) imported
 * by the caller: the service runtime in the app, or a test.
 */
@Module({})
export class ProvisioningModule {
  static forRoot(options: ProvisioningOptions, embedder: KnowledgeEmbedder = null): DynamicModule {
    return {
      module: ProvisioningModule,
      global: true,
      providers: [
        { provide: PROVISIONING_OPTIONS, useValue: options },
        { provide: KNOWLEDGE_EMBEDDER, useValue: embedder },
      ],
      exports: [PROVISIONING_OPTIONS, KNOWLEDGE_EMBEDDER],
      imports: [
        TenantsModule,
        ApiKeysModule,
        SiteKeysModule,
        UsersModule,
        KnowledgeModule,
        SignalSettingsModule,
        ToolsModule,
        IntegrationsModule,
        IdentityProvidersModule,
        DegradeModule,
        PlansModule,
        OwnerAssistantModule,
        OwnerChannelsModule,
      ],
    };
  }
}
