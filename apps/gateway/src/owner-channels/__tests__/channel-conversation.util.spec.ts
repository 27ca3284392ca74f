import { z } from 'zod';
import { channelConversationId } from '../channel-conversation.util';

const OWNER = '0b7e2c1d-3f4a-4b5c-8d6e-7f8091a2b3c4';
const place = { platform: 'slack' as const, space: 'T1', channel: 'C1', user: 'U1' };

describe('the conversation of a Slack or Discord place', () => {
  it('is a valid UUID, the same for the same place, another for another place or owner', () => {
    const id = channelConversationId(OWNER, place);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(channelConversationId(OWNER, place)).toBe(id);
    const others = [
      channelConversationId(OWNER, { ...place, channel: 'C2' }),
      channelConversationId(OWNER, { ...place, user: 'U2' }),
      channelConversationId(OWNER, { ...place, space: 'T2' }),
      channelConversationId(OWNER, { ...place, platform: 'discord' }),
      channelConversationId('1b7e2c1d-3f4a-4b5c-8d6e-7f8091a2b3c4', place),
    ];
    expect(new Set([id, ...others]).size).toBe(6);
  });
});
