import { parseOwnerMessage } from '../owner-intent.parser';

describe('parseOwnerMessage', () => {
  it.each([
    [
      "Set up a new client called Bob's Plumbing for bobsplumbing.com",
      { kind: 'create_tenant', name: "Bob's Plumbing", domain: 'bobsplumbing.com', kindHint: 'plumber' },
    ],
    ["Update Bob's chatbot personality to be more formal", { kind: 'set_tone', tenant: 'Bob', tone: 'formal' }],
    ["Pause Bob's account", { kind: 'pause', tenant: "Bob's" }],
    ['Generate a new API key for Bob', { kind: 'rotate_key', tenant: 'Bob' }],
    ["Rotate Bob's API key", { kind: 'rotate_key', tenant: 'Bob' }],
    ['Show me all my clients', { kind: 'list_tenants', search: null }],
    ['How are my clients doing?', { kind: 'portfolio' }],
    ['why is Bob amber?', { kind: 'explain_tenant', tenant: 'Bob' }],
    ['why is he red?', { kind: 'explain_tenant', tenant: null }],
    ['what should I change?', { kind: 'advice', tenant: null }],
    ['Resume bobs plumbing', { kind: 'resume', tenant: 'bobs plumbing' }],
    [
      "Add jane@bob.example as an admin to Bob's Plumbing",
      { kind: 'add_staff', tenant: "Bob's Plumbing", email: 'jane@bob.example', role: 'tenant_admin' },
    ],
    ['Make Bobs Plumbng sound friendlier', { kind: 'set_tone', tenant: 'Bobs Plumbng', tone: 'friendly' }],
    [
      "Bob's bot should only talk about boilers, radiators and leaks",
      { kind: 'set_topics', tenant: 'Bob', topics: ['boilers', 'radiators', 'leaks'] },
    ],
    ['allow https://shop.bob.example for Bob', { kind: 'set_origins', tenant: 'Bob', origins: ['https://shop.bob.example'] }],
    [
      "Set Bob's persona to: You are Bob, a cheerful plumber from Leeds.",
      { kind: 'set_persona', tenant: 'Bob', persona: 'You are Bob, a cheerful plumber from Leeds' },
    ],
    ["delete Bob's", { kind: 'delete', tenant: "Bob's" }],
    ['any alerts?', { kind: 'alerts' }],
    ['what is the usage for Bob', { kind: 'usage', tenant: 'Bob' }],
    ['yes', { kind: 'confirm' }],
    ['Confirm', { kind: 'confirm' }],
    ['yes please', { kind: 'confirm' }],
    ['no', { kind: 'cancel' }],
    ['cancel that', { kind: 'cancel' }],
    ['what is the weather like', { kind: 'help' }],
  ])('%s', (message, intent) => {
    expect(parseOwnerMessage(message)).toEqual(intent);
  });

  it('does not read "yes" inside a longer sentence as a confirmation', () => {
    expect(parseOwnerMessage('yes and also pause Bob').kind).not.toBe('confirm');
    expect(parseOwnerMessage('yesterday Bob called').kind).not.toBe('confirm');
  });
});
