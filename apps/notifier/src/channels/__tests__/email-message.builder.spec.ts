import { buildEmail, escapeHtml } from '../email-message.builder';
import { aNotification } from './notification.fixture';

describe('buildEmail', () => {
  it('writes the subject, the plain text with the link, and escaped HTML', () => {
    const mail = buildEmail(
      aNotification({ title: 'Call <b>Ann</b> & "Bob"', body: 'Line one\n<script>alert(1)</script>\n\nSecond paragraph' }),
    );
    expect(mail.subject).toBe('[critical] Call <b>Ann</b> & "Bob"');
    expect(mail.text).toContain('Line one\n<script>alert(1)</script>\n\nSecond paragraph');
    expect(mail.text).toContain('Open in Parley: https://parley.example.com/console/sessions/3f1c');
    expect(mail.html).toContain('<h1 style="margin:0 0 16px;font-size:20px">Call &lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bob&quot;</h1>');
    expect(mail.html).toContain('Line one<br>&lt;script&gt;alert(1)&lt;/script&gt;</p><p style="margin:0 0 12px">Second paragraph</p>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://parley.example.com/console/sessions/3f1c"');
  });

  it('keeps the subject on one line', () => {
    expect(buildEmail(aNotification({ title: 'Hi\r\nBcc: x@example.com' })).subject).toBe('[critical] Hi Bcc: x@example.com');
  });

  it('lists digest items and leaves out links that are not http(s)', () => {
    const mail = buildEmail(
      aNotification({
        url: 'javascript:alert(1)',
        items: [
          { title: 'First <one>', severity: 'warning', occurredAt: '2026-03-01T08:00:00Z', url: 'https://parley.example.com/n/1' },
          { title: 'Second', severity: 'info', occurredAt: '2026-03-01T08:05:00Z', url: null },
        ],
      }),
    );
    expect(mail.text).toContain(
      '- [warning] First <one> (2026-03-01T08:00:00Z) https://parley.example.com/n/1\n- [info] Second (2026-03-01T08:05:00Z)',
    );
    expect(mail.html).toContain('<a href="https://parley.example.com/n/1">First &lt;one&gt;</a>');
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).not.toContain('Open in Parley');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
