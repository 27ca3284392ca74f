import { createServer, type AddressInfo, type Socket } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { EmailChannel } from '../email.channel';
import { aNotification } from './notification.fixture';

type Mode = 'accept' | 'defer' | 'reject';

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

/** A real SMTP server in the test process: parses what it accepts, or answers 451 / 550. */
async function startSmtp() {
  const mails: ParsedMail[] = [];
  let mode: Mode = 'accept';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) return callback(smtpError(550, '5.1.1 No such user here'));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (mode === 'defer') return callback(smtpError(451, '4.3.0 Mailbox temporarily unavailable, try again later'));
          if (mode === 'reject') return callback(smtpError(550, '5.7.1 Message refused by policy'));
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    setMode: (m: Mode) => {
      mode = m;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const first = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)!;

describe('EmailChannel against a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let channel: EmailChannel;
  const signal = new AbortController().signal;
  const target = {
    kind: 'email' as const,
    channelId: 'c1',
    to: ['bob@flow.example', 'ann@flow.example'],
    senderName: 'Flow "Plumbing" Ltd',
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    channel = new EmailChannel({ smtpUrl: smtp.url, emailFrom: 'notifications@parley.example', httpTimeoutMs: 5_000 });
  });
  afterAll(async () => {
    await channel.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.setMode('accept');
    smtp.mails.length = 0;
  });

  it('sends one mail with the sender name, recipients, subject, text, escaped HTML and a Message-ID from the delivery', async () => {
    const n = aNotification({ title: 'Call <Ann> now & then', body: 'She wrote: <script>alert("x")</script>' });
    await expect(channel.send(n, target, signal)).resolves.toEqual({ ok: true });

    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(first(mail.from).value[0]).toMatchObject({ name: 'Flow "Plumbing" Ltd', address: 'notifications@parley.example' });
    expect(first(mail.to).value.map((v) => v.address)).toEqual(['bob@flow.example', 'ann@flow.example']);
    expect(mail.subject).toBe('[critical] Call <Ann> now & then');
    expect(mail.text).toContain('She wrote: <script>alert("x")</script>');
    expect(mail.text).toContain('Open in Parley: https://parley.example.com/console/sessions/3f1c');
    expect(mail.html).toContain('She wrote: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('Call &lt;Ann&gt; now &amp; then');
    expect(mail.html).not.toContain('<script>');
    expect(mail.messageId).toBe(`<${n.deliveryId}@parley>`);
    expect(mail.headers.get('x-parley-notification-id')).toBe(n.notificationId);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('sends a redelivered notification as the same message (same Message-ID)', async () => {
    const n = aNotification();
    await channel.send(n, target, signal);
    await channel.send(n, target, signal);
    expect(smtp.mails.map((m) => m.messageId)).toEqual([`<${n.deliveryId}@parley>`, `<${n.deliveryId}@parley>`]);
  });

  it('reports a 451 as retryable', async () => {
    smtp.setMode('defer');
    await expect(channel.send(aNotification(), target, signal)).resolves.toMatchObject({
      ok: false,
      retryable: true,
      statusCode: 451,
      error: expect.stringContaining('451'),
    });
  });

  it('reports a 550 as not retryable', async () => {
    smtp.setMode('reject');
    await expect(channel.send(aNotification(), target, signal)).resolves.toMatchObject({
      ok: false,
      retryable: false,
      statusCode: 550,
      error: expect.stringContaining('Message refused by policy'),
    });
  });

  it('reports a 550 for every recipient as not retryable', async () => {
    const result = await channel.send(aNotification(), { ...target, to: ['nobody@flow.example'] }, signal);
    expect(result).toMatchObject({ ok: false, retryable: false, statusCode: 550 });
    expect(smtp.mails).toHaveLength(0);
  });

  it('reports a server that is gone as retryable', async () => {
    const gone = await startSmtp();
    await gone.close();
    const orphan = new EmailChannel({ smtpUrl: gone.url, emailFrom: 'notifications@parley.example', httpTimeoutMs: 2_000 });
    try {
      await expect(orphan.send(aNotification(), target, signal)).resolves.toMatchObject({ ok: false, retryable: true });
    } finally {
      await orphan.close();
    }
  });

  it('gives up on a server that never greets, as retryable', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const impatient = new EmailChannel({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      emailFrom: 'notifications@parley.example',
      httpTimeoutMs: 300,
    });
    try {
      await expect(impatient.send(aNotification(), target, signal)).resolves.toMatchObject({ ok: false, retryable: true });
    } finally {
      await impatient.close();
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
