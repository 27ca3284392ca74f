import { Module } from '@nestjs/common';
import { SecretBox } from '@parley/auth';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { ChannelRegistry } from './channel.registry';
import { DiscordChannel } from './discord.channel';
import { EmailChannel } from './email.channel';
import { InboxChannel } from './inbox.channel';
import { OutboundHttpClient } from './outbound-http.client';
import { notifierSecretBox } from './secret-box.factory';
import { SlackChannel } from './slack.channel';
import { WebhookChannel } from './webhook.channel';

/** The senders behind the registry, built from the notifier's options, and the secret box. EmailChannel closes its SMTP pool on module destroy. */
@Module({
  providers: [
    InboxChannel,
    { provide: OutboundHttpClient, inject: [NOTIFIER_OPTIONS], useFactory: (o: NotifierOptions) => new OutboundHttpClient(o) },
    { provide: EmailChannel, inject: [NOTIFIER_OPTIONS], useFactory: (o: NotifierOptions) => new EmailChannel(o) },
    { provide: SecretBox, inject: [NOTIFIER_OPTIONS], useFactory: (o: NotifierOptions) => notifierSecretBox(o) },
    {
      provide: ChannelRegistry,
      inject: [InboxChannel, OutboundHttpClient, EmailChannel],
      useFactory: (inbox: InboxChannel, http: OutboundHttpClient, email: EmailChannel) =>
        new ChannelRegistry({
          inbox,
          webhook: new WebhookChannel(http),
          slack: new SlackChannel(http),
          discord: new DiscordChannel(http),
          email,
        }),
    },
  ],
  exports: [ChannelRegistry, SecretBox],
})
export class ChannelsModule {}
