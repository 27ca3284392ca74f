import { formToPatch, linesToList, settingsToForm, type TenantSettings } from '../bot-settings.util';

const stored: TenantSettings = {
  ownerManaged: ['slug', 'kind', 'status', 'config.llm', 'config.retentionDays', 'config.rateLimitPerMinute'],
  tenant: {
    id: 't1',
    slug: 'bobs',
    displayName: "Bob's Plumbing",
    kind: 'plumber',
    status: 'active',
    timezone: 'Europe/London',
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-06T10:00:00Z',
    deactivatedAt: null,
    config: {
      persona: 'You are Bob.',
      tone: 'friendly',
      allowedTopics: ['plumbing', 'heating'],
      emergencyText: null,
      escalation: { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: true },
      llm: { primary: { provider: 'offline', model: 'retrieval' }, fallbacks: [] },
      retentionDays: 30,
      rateLimitPerMinute: null,
      allowedOrigins: ['https://bobs.example'],
    },
  },
};

describe('bot settings form ↔ PATCH /api/v1/settings', () => {
  it('has nothing to send when nothing changed', () => {
    expect(formToPatch(settingsToForm(stored), stored)).toBeNull();
  });

  it('reads a missing derived-data policy as keep, and sends it only when changed', () => {
    expect(settingsToForm(stored).derivedDataRetention).toBe('keep');
    expect(formToPatch({ ...settingsToForm(stored), derivedDataRetention: 'with_messages' }, stored)).toEqual({
      config: { derivedDataRetention: 'with_messages' },
    });
  });

  it('sends only what changed; empty texts become null; topics one a line', () => {
    const form = {
      ...settingsToForm(stored),
      tone: 'formal' as const,
      emergencyText: '  Call 999  ',
      allowedTopics: 'plumbing\n\n heating \nboilers\nplumbing',
    };
    expect(formToPatch(form, stored)).toEqual({
      config: { tone: 'formal', emergencyText: 'Call 999', allowedTopics: ['plumbing', 'heating', 'boilers'] },
    });
  });

  it('sends the escalation block whole when any part of it changed', () => {
    const form = { ...settingsToForm(stored), handoffMessage: 'A person will reply shortly.' };
    expect(formToPatch(form, stored)).toEqual({
      config: { escalation: { handoffEnabled: true, handoffMessage: 'A person will reply shortly.', notifyOnEscalation: true } },
    });
  });

  it('sends a changed name and time zone, trimmed, at the top level', () => {
    expect(formToPatch({ ...settingsToForm(stored), displayName: ' Bob & Sons ', timezone: 'Mars/Olympus' }, stored)).toEqual({
      displayName: 'Bob & Sons',
      timezone: 'Mars/Olympus',
    });
  });

  it('reads lines into a list', () => {
    expect(linesToList(' a \r\nb\n\na')).toEqual(['a', 'b']);
  });
});
