import { buildDiscordMessage, DISCORD_LIMITS, escapeDiscordMarkdown, type DiscordEmbed } from '../discord-message.builder';
import { aNotification } from './notification.fixture';

function embedLength(e: DiscordEmbed): number {
  return (
    e.title.length +
    (e.description?.length ?? 0) +
    e.footer.text.length +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

describe('buildDiscordMessage', () => {
  it('builds one embed coloured by severity, with the link, time and scope, and no mentions', () => {
    const message = buildDiscordMessage(aNotification({ severity: 'warning' }));
    expect(message).toEqual({
      username: 'Parley',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: 'Callback requested: burst pipe',
          description: 'Visitor reports water pouring through the ceiling.\nPlease call 07700 900123.',
          url: 'https://parley.example.com/console/sessions/3f1c',
          color: 0xecb22e,
          timestamp: '2026-03-01T09:30:00.000Z',
          footer: { text: 'Flow Plumbing' },
        },
      ],
    });
    expect(buildDiscordMessage(aNotification({ severity: 'critical' })).embeds[0].color).not.toBe(
      buildDiscordMessage(aNotification({ severity: 'info' })).embeds[0].color,
    );
  });

  it("escapes markdown so a visitor's text cannot disguise a link or mention anyone", () => {
    const [embed] = buildDiscordMessage(aNotification({ body: '@everyone [Pay here](https://evil.example) <@123> **now**' })).embeds;
    expect(embed.description).toBe('\\@everyone \\[Pay here\\]\\(https://evil.example\\) \\<\\@123\\> \\*\\*now\\*\\*');
    expect(escapeDiscordMarkdown('a_b')).toBe('a\\_b');
  });

  it('drops a link that is not http(s)', () => {
    expect(buildDiscordMessage(aNotification({ url: 'javascript:alert(1)' })).embeds[0]).not.toHaveProperty('url');
  });

  it('keeps every field within the embed limits', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      title: `${i} ${'x'.repeat(400)}`,
      severity: 'info' as const,
      occurredAt: '2026-03-01T08:00:00Z',
      url: `https://parley.example.com/n/${i}`,
    }));
    const [embed] = buildDiscordMessage(
      aNotification({ title: 'T'.repeat(300), body: 'b'.repeat(5000), scopeName: 'S'.repeat(3000), items }),
    ).embeds;
    expect(embed.title).toHaveLength(DISCORD_LIMITS.title);
    expect(embed.footer.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(embed.fields!.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of embed.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    expect(embed.description).toMatch(/…and \d+ more$/);
  });

  it('shows digest items as fields with their time and link', () => {
    const items = [
      { title: 'Safety flag', severity: 'critical' as const, occurredAt: '2026-03-01T08:00:00Z', url: 'https://parley.example.com/s/(1)' },
    ];
    const [embed] = buildDiscordMessage(aNotification({ items })).embeds;
    expect(embed.fields).toEqual([
      { name: 'Safety flag', value: 'critical · <t:1772352000:f> · [Open](https://parley.example.com/s/%281%29)', inline: false },
    ]);
  });
});
