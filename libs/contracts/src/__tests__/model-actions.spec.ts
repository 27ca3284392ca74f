import { randomUUID } from 'node:crypto';
import { MODEL_ACTION_LIMITS, isModelActionType, modelActionParamsSchemas, modelToolArgsSchemas } from '../index';

describe('model action schemas', () => {
  it('knows the four model action types and nothing else', () => {
    expect(['notify_staff', 'log_event', 'request_callback', 'create_follow_up'].every(isModelActionType)).toBe(true);
    expect(isModelActionType('callback_request')).toBe(false);
    expect(isModelActionType('send_email')).toBe(false);
  });

  it('trims tool arguments and defaults the urgency', () => {
    expect(modelToolArgsSchemas.notify_staff.parse({ recipient: ' manager ', message: ' Bob is off sick ' })).toEqual({
      recipient: 'manager',
      message: 'Bob is off sick',
      urgency: 'medium',
    });
  });

  it.each([
    ['notify_staff', { recipient: 'manager', message: 'x'.repeat(MODEL_ACTION_LIMITS.message + 1) }],
    ['notify_staff', { recipient: 'manager', message: '   ' }],
    ['notify_staff', { recipient: 'manager', message: 'hi', urgency: 'panic' }],
    ['log_event', { kind: 'complaint; DROP', details: 'x' }],
    ['log_event', { kind: 'complaint' }],
    ['request_callback', { phone: '1'.repeat(MODEL_ACTION_LIMITS.phone + 1) }],
    ['create_follow_up', { what: 'call back', due: 'd'.repeat(MODEL_ACTION_LIMITS.due + 1) }],
  ] as const)('refuses bad %s arguments %#', (type, args) => {
    expect(modelToolArgsSchemas[type].safeParse(args).success).toBe(false);
  });

  it('accepts resolved params and refuses unresolved ones', () => {
    const notify = { recipient: 'manager', recipientUserIds: [randomUUID()], message: 'Bob is off sick tomorrow', urgency: 'high' };
    expect(modelActionParamsSchemas.notify_staff.safeParse(notify).success).toBe(true);
    expect(modelActionParamsSchemas.notify_staff.safeParse({ ...notify, recipientUserIds: [] }).success).toBe(false);
    expect(modelActionParamsSchemas.notify_staff.safeParse({ ...notify, recipientUserIds: ['bob@example.com'] }).success).toBe(false);
    expect(modelActionParamsSchemas.request_callback.safeParse({ phone: '+447700900123', when: null }).success).toBe(true);
    expect(modelActionParamsSchemas.request_callback.safeParse({ phone: '07700 900123', when: null }).success).toBe(false);
  });
});
