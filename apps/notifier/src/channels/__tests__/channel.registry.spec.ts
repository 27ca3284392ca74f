import type { ChannelKind, ChannelSender, DeliveryTarget } from '../channel.types';
import { ChannelRegistry, type ChannelSenders } from '../channel.registry';
import { aNotification } from './notification.fixture';

// A kind without a sender does not compile: the @ts-expect-error below is itself checked by
// `npm run typecheck` (an unused one is an error), so this file fails the type check the day
// ChannelSenders stops requiring every kind.
const sent: Array<{ kind: ChannelKind; target: DeliveryTarget }> = [];
const sender = <K extends ChannelKind>(kind: K): ChannelSender<K> => ({
  kind,
  send: async (_notification, target) => {
    sent.push({ kind, target });
    return { ok: true };
  },
});
const withoutEmail = { inbox: sender('inbox'), webhook: sender('webhook'), slack: sender('slack'), discord: sender('discord') };
// @ts-expect-error a registry missing a kind (email) does not compile
const _incomplete: ChannelSenders = withoutEmail;

describe('ChannelRegistry', () => {
  it('sends each target through the sender of its kind', async () => {
    const registry = new ChannelRegistry({ ...withoutEmail, email: sender('email') });
    const targets: DeliveryTarget[] = [
      { kind: 'inbox', recipientUserId: 'u1' },
      { kind: 'webhook', channelId: 'c1', url: 'https://hooks.example/a', secrets: ['whsec_x'] },
      { kind: 'slack', channelId: 'c2', url: 'https://hooks.slack.example/b' },
      { kind: 'discord', channelId: 'c3', url: 'https://discord.example/c' },
      { kind: 'email', channelId: 'c4', to: ['ops@example.com'], senderName: 'Bob' },
    ];
    for (const target of targets)
      await expect(registry.send(aNotification(), target, new AbortController().signal)).resolves.toEqual({ ok: true });
    expect(sent.map((s) => [s.kind, s.target.kind])).toEqual(targets.map((t) => [t.kind, t.kind]));
  });
});
