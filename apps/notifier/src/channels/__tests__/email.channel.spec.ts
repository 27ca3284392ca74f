import { classifySmtpError, EmailChannel } from '../email.channel';
import { aNotification } from './notification.fixture';

describe('EmailChannel without SMTP', () => {
  it('fails for good, naming the missing setting', async () => {
    const channel = new EmailChannel({ smtpUrl: null, emailFrom: 'notifications@parley.local' });
    const result = await channel.send(
      aNotification(),
      { kind: 'email', channelId: 'c1', to: ['ops@example.com'], senderName: 'Flow' },
      new AbortController().signal,
    );
    expect(result).toEqual({ ok: false, retryable: false, error: 'email is not configured (NOTIFIER_SMTP_URL)' });
    await channel.close();
  });
});

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 421, response: '421 busy' }, true],
    [{ responseCode: 452, response: '452 mailbox full' }, true],
    [{ responseCode: 503, response: '503 bad sequence' }, true],
    [{ responseCode: 550, response: '550 no such user' }, false],
    [{ responseCode: 554, response: '554 rejected', permanent: true }, false],
    [{ code: 'ECONNECTION' }, true],
    [{ code: 'ETIMEDOUT' }, true],
    [{ code: 'ENOAUTH' }, false],
  ])('%p is retryable: %p', (fields, retryable) => {
    expect(classifySmtpError(Object.assign(new Error('failed'), fields))).toMatchObject({ ok: false, retryable });
  });
});
