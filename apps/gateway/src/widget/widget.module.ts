import { Module } from '@nestjs/common';
import { AdminSiteKeysController } from './admin-site-keys.controller';
import { CreateWidgetSessionUseCase } from './create-widget-session.use-case';
import { SiteKeyResolver } from './site-key.resolver';
import { SiteKeysController } from './site-keys.controller';
import { WidgetAccess } from './widget-access.policy';
import { WidgetAssets } from './widget-assets.loader';
import { WidgetAssetsController } from './widget-assets.controller';
import { WidgetController } from './widget.controller';

/**
 * The embeddable widget (docs/adr/0013-widget-and-site-keys.md): what a publishable site key
 * may do (config, sessions), the site-key routes of tenants and the owner, the widget files and
 * the demo pages. Needs GatewayHttpModule and AuthModule (global) imported by the app.
 */
@Module({
  controllers: [WidgetController, SiteKeysController, AdminSiteKeysController, WidgetAssetsController],
  providers: [SiteKeyResolver, WidgetAccess, CreateWidgetSessionUseCase, WidgetAssets],
})
export class WidgetModule {}
