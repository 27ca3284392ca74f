import { channelToForm, createChannelBody, NEW_CHANNEL, recipientsFromText, updateChannelBody, type Channel } from '../channel-form.util';

function channel(kind: Channel['kind'], target: string, extra: Partial<Channel> = {}): Channel {
  return {
    id: 'c1',
    name: 'Ops',
    kind,
    enabled: true,
    target,
    sender_name: null,
    previous_secret_expires_at: null,
    created_at: '2026-12-06T10:00:00Z',
    updated_at: '2026-12-06T10:00:00Z',
    ...extra,
  };
}

describe('channel form ↔ API', () => {
  it('builds the create body for each kind', () => {
    expect(createChannelBody({ ...NEW_CHANNEL, name: ' Ops hook ', url: ' https://ops.example/hook ' })).toEqual({
      name: 'Ops hook',
      enabled: true,
      settings: { kind: 'webhook', url: 'https://ops.example/hook' },
    });
    expect(
      createChannelBody({ ...NEW_CHANNEL, kind: 'email', name: 'Mail', to: 'a@x.test, b@x.test\nA@x.test a@x.test', senderName: '' }),
    ).toEqual({
      name: 'Mail',
      enabled: true,
      settings: { kind: 'email', to: ['a@x.test', 'b@x.test', 'A@x.test'] },
    });
    expect(createChannelBody({ ...NEW_CHANNEL, kind: 'email', name: 'Mail', to: 'a@x.test', senderName: ' Bob ' }).settings).toEqual({
      kind: 'email',
      to: ['a@x.test'],
      sender_name: 'Bob',
    });
  });

  it('prefills a webhook URL and email recipients, never a masked Slack or Discord URL', () => {
    expect(channelToForm(channel('webhook', 'https://ops.example/hook')).url).toBe('https://ops.example/hook');
    expect(channelToForm(channel('slack', 'hooks.slack.com/services/T0…')).url).toBe('');
    expect(channelToForm(channel('email', 'a@x.test, b@x.test', { sender_name: 'Bob' }))).toMatchObject({
      to: 'a@x.test, b@x.test',
      senderName: 'Bob',
    });
  });

  it('sends only what changed; a masked URL left empty keeps the stored one', () => {
    const hook = channel('webhook', 'https://ops.example/hook');
    expect(updateChannelBody(channelToForm(hook), hook)).toBeNull();
    expect(updateChannelBody({ ...channelToForm(hook), enabled: false }, hook)).toEqual({ enabled: false });
    expect(updateChannelBody({ ...channelToForm(hook), url: 'https://ops.example/v2' }, hook)).toEqual({
      settings: { kind: 'webhook', url: 'https://ops.example/v2' },
    });
    const slack = channel('slack', 'hooks.slack.com/services/T0…');
    expect(updateChannelBody({ ...channelToForm(slack), name: 'Team' }, slack)).toEqual({ name: 'Team' });
    expect(updateChannelBody({ ...channelToForm(slack), url: 'https://hooks.slack.com/services/T1/B1/x' }, slack)).toEqual({
      settings: { kind: 'slack', url: 'https://hooks.slack.com/services/T1/B1/x' },
    });
    const mail = channel('email', 'a@x.test, b@x.test');
    expect(updateChannelBody({ ...channelToForm(mail), to: 'a@x.test b@x.test' }, mail)).toBeNull();
    expect(updateChannelBody({ ...channelToForm(mail), to: 'a@x.test' }, mail)).toEqual({ settings: { kind: 'email', to: ['a@x.test'] } });
  });

  it('splits recipients on commas, semicolons, spaces and lines', () => {
    expect(recipientsFromText(' a@x.test;b@x.test ,\n c@x.test ')).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(recipientsFromText('')).toEqual([]);
  });
});
