import { httpFieldPath } from '../notifier-call.util';

describe('httpFieldPath', () => {
  it.each([
    ['rule.channelIds.0', 'rule', 'channel_ids.0'],
    ['rule.quietHours.start', 'rule', 'quiet_hours.start'],
    ['settings.senderName', undefined, 'settings.sender_name'],
    ['deliveryIds.3', undefined, 'delivery_ids.3'],
    ['channelId', undefined, 'channel_id'],
    ['rule', 'rule', 'rule'],
    ['ids', undefined, 'ids'],
  ])('names %s (body under %s) as %s', (path, bodyField, expected) => {
    expect(httpFieldPath(path, bodyField)).toBe(expected);
  });
});
