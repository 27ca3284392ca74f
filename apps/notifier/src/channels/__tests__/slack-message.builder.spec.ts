import { buildSlackMessage, escapeMrkdwn, SLACK_HEADER_MAX, SLACK_SECTION_MAX, type SlackBlock } from '../slack-message.builder';
import { aNotification } from './notification.fixture';

const blockOf = <T extends SlackBlock['type']>(blocks: SlackBlock[], type: T) =>
  blocks.filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);

describe('buildSlackMessage', () => {
  it('builds a header with the severity emoji, the body, the scope and time, and a button back to Parley', () => {
    const message = buildSlackMessage(aNotification());
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🚨 Callback requested: burst pipe', emoji: true },
    });
    const [context] = blockOf(message.blocks, 'context');
    expect(context.elements[0].text).toBe(
      '*Flow Plumbing* · critical · <!date^1772357400^{date_short_pretty} {time}|2026-03-01T09:30:00.000Z>',
    );
    expect(blockOf(message.blocks, 'actions')[0].elements[0]).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Open in Parley' },
      url: 'https://parley.example.com/console/sessions/3f1c',
      action_id: 'open_in_parley',
    });
    expect(message.text).toBe('🚨 [critical] Callback requested: burst pipe');
  });

  it("escapes a visitor's mentions and disguised links", () => {
    const message = buildSlackMessage(
      aNotification({ body: 'Hey <!channel> & <@U123> see <https://evil.example|your invoice>', scopeName: 'A&B <Plumbing>' }),
    );
    const [section] = blockOf(message.blocks, 'section');
    expect(section.text.text).toBe('Hey &lt;!channel&gt; &amp; &lt;@U123&gt; see &lt;https://evil.example|your invoice&gt;');
    expect(blockOf(message.blocks, 'context')[0].elements[0].text).toContain('*A&amp;B &lt;Plumbing&gt;*');
    expect(escapeMrkdwn('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it('keeps the header and the body within Slack limits', () => {
    const message = buildSlackMessage(aNotification({ title: 'T'.repeat(400), body: '<'.repeat(5000) }));
    expect((message.blocks[0] as Extract<SlackBlock, { type: 'header' }>).text.text).toHaveLength(SLACK_HEADER_MAX);
    expect(blockOf(message.blocks, 'section')[0].text.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
  });

  it('has no button without a link, nor for a link that is not http(s)', () => {
    expect(blockOf(buildSlackMessage(aNotification({ url: null })).blocks, 'actions')).toHaveLength(0);
    expect(blockOf(buildSlackMessage(aNotification({ url: 'javascript:alert(1)' })).blocks, 'actions')).toHaveLength(0);
  });

  it('lists digest items as bullets within one section, saying how many did not fit', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      title: `Item ${i} <x>`,
      severity: 'warning' as const,
      occurredAt: '2026-03-01T08:00:00Z',
      url: `https://parley.example.com/n/${i}?a=1|2`,
    }));
    const message = buildSlackMessage(aNotification({ kind: 'system', severity: 'info', title: 'Daily digest', body: '', items }));
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    const digest = blockOf(message.blocks, 'section')[0].text.text;
    expect(digest.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
    const lines = digest.split('\n');
    expect(lines[0]).toBe(
      '• <https://parley.example.com/n/0?a=1%7C2|Item 0 &lt;x&gt;> (warning, <!date^1772352000^{date_short_pretty} {time}|2026-03-01T08:00:00Z>)',
    );
    expect(lines.at(-1)).toBe(`…and ${60 - (lines.length - 1)} more`);
    expect(lines.length).toBeGreaterThan(5);
  });
});
