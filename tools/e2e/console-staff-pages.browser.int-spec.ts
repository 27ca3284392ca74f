import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../support/service-process';
import { launchChromium, seriousAxeViolations, type TestBrowser } from './browser';
import { HttpReceiver } from './notification-receivers';
import { buildPlatform, eventually, http, startPlatform, type Platform } from './platform';

// Issue 14 (console, staff pages) in real Chromium on the real services: a tenant admin signs
// in; the contact a real chat turn created is in the contacts with where each field came from,
// its conversation has its transcript and L2 summary, its export downloads and erasing it removes
// it (the API answers 404 after); two visitors sharing a number are shown as possible duplicates and
// merged from the contact's page; a knowledge document is uploaded, found by the test search and
// deleted; bot settings save, and a bad value shows its field error and changes nothing; a
// webhook channel is created (secret shown once) and its test reaches a local HTTP server; a
// site key is issued with its snippet and the allowed origins are edited. axe finds nothing
// serious or critical on any of these pages, and the console causes no CSP violation.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}csp`;
// Screenshots for the README go to docs/screenshots with PARLEY_SCREENSHOTS=1; otherwise to a
// temporary folder, so a test run leaves the working tree as it found it.
const SHOTS =
  process.env.PARLEY_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'parley-shots-'));
const EMAIL = 'dana@example.test';
const DOCUMENT = 'Boiler servicing costs 95 pounds and takes about an hour. We service every make of gas boiler.';

let platform: Platform;
let chrome: TestBrowser;
let receiver: HttpReceiver;
let context: BrowserContext;
let page: Page;
const admin = { email: '', password: 'admin password 123' };
const agent = { email: '', password: 'agent password 123' };
const tenant = { id: '', key: {} as Record<string, string>, sessionId: '', contactId: '' };
/** Content-Security-Policy violations and page errors the console caused. */
const pageProblems: string[] = [];

const api = (path: string) => `${platform.gatewayUrl}${path}`;
const go = (path: string) => page.goto(`${platform.gatewayUrl}/console${path}`);
const h1 = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });

async function expectAccessible(): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  chrome = await launchChromium(); // first: a machine without chromium fails here, with the reason
  buildPlatform(); // the services, the widget and the console
  receiver = await new HttpReceiver().start();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'tenant-intelligence', 'notifier', 'gateway'], {
    // Room for password hashing and slow RPCs on a busy machine.
    gateway: { TENANT_CONFIG_CACHE_TTL_MS: '1000', RPC_TIMEOUT_MS: '20000' },
  });
  const owner = await http(api('/api/v1/auth/login'), { body: platform.owner });
  const ownerAuth = { authorization: `Bearer ${owner.body.token}` };
  const slug = `csp-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  admin.email = `admin-${slug}@example.test`;
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: "Bob's Plumbing",
      slug,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: null,
      config: { allowedOrigins: [platform.gatewayUrl] },
      admin,
    },
  });
  expect(created.status).toBe(201);
  tenant.id = created.body.tenant.id;
  tenant.key = { 'x-api-key': created.body.apiKey.key as string };
  agent.email = `agent-${slug}@example.test`;
  expect(
    (await http(api(`/api/v1/admin/tenants/${tenant.id}/users`), { headers: ownerAuth, body: { ...agent, role: 'tenant_agent' } })).status,
  ).toBe(201);

  // A real chat turn in which the visitor gives a name and an email, then the session closes:
  // tenant-intelligence extracts the contact (L1b) and writes the summary (L2).
  const session = await http(api('/api/v1/sessions'), { headers: tenant.key, body: {} });
  expect(session.status).toBe(201);
  tenant.sessionId = session.body.session.id;
  const visitor = { authorization: `Bearer ${session.body.token}` };
  expect(
    (
      await http(api('/api/v1/chat'), {
        headers: visitor,
        body: { message: `Hi, I am Dana Smith, my email is ${EMAIL}. Do you fix boilers?` },
      })
    ).status,
  ).toBe(200);
  expect((await http(api(`/api/v1/sessions/${tenant.sessionId}/close`), { method: 'POST', headers: visitor })).status).toBe(200);
  const summarised = await eventually(
    () => http(api(`/api/v1/conversations/${tenant.sessionId}`), { headers: tenant.key }),
    (res) => res.body?.summary !== null && res.body?.summary !== undefined && res.body?.conversation?.contact?.email === EMAIL,
    60_000,
  );
  expect(summarised.body.summary).not.toBeNull();
  tenant.contactId = summarised.body.conversation.contact.id;

  context = await chrome.context({ width: 1280, height: 900 });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(message.text());
  });
  page.on('pageerror', (error) => pageProblems.push(error.message));
}, 290_000);

afterAll(async () => {
  await chrome?.close();
  await receiver?.stop();
  await platform?.stop();
});

describe('a tenant admin in the console', () => {
  it('signs in and sees the staff pages in the navigation', async () => {
    await go('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Contacts' }).waitFor();
    for (const label of ['Conversations', 'Knowledge', 'Notification channels', 'Website widget', 'Bot settings']) {
      await nav.getByRole('link', { name: label }).waitFor();
    }
  });

  it('finds the contact from the chat, with where each field came from', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Contacts' }).click();
    await h1('Contacts').waitFor();
    const row = page.getByRole('row').filter({ hasText: EMAIL });
    await row.waitFor();
    await expectAccessible();
    await page.getByLabel('Name, email or phone').fill('nobody-like-this');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No contact matches.', { exact: false }).waitFor();
    await page.getByLabel('Name, email or phone').fill('dana');
    await page.getByRole('button', { name: 'Search' }).click();
    await row.getByRole('link').click();
    await page.waitForURL(`**/console/contacts/${tenant.contactId}`);
    const provenance = page.getByRole('table', { name: 'Field provenance' });
    const email = provenance.getByRole('row').filter({ hasText: 'Email' });
    await email.waitFor();
    expect(await email.innerText()).toMatch(new RegExp(`${EMAIL}\\s+\\d{1,3} %\\s+No`));
    expect(await email.locator('code').count()).toBe(1); // the source message
    await page.getByRole('list', { name: 'Interactions, newest first' }).getByRole('listitem').first().waitFor();
    await expectAccessible();
    await page.screenshot({ path: join(SHOTS, 'console-contact.png'), fullPage: true });
  });

  it('opens the contact’s conversation: the transcript with its signals and the L2 summary', async () => {
    await page.getByRole('link', { name: 'open their conversations' }).click();
    await h1('Conversations').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2); // the header and the one conversation
    await expectAccessible();
    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No conversation matches.').waitFor();
    await page.getByLabel('Status').selectOption('closed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/status=closed/);
    expect(page.url()).toContain(`contact_id=${tenant.contactId}`);
    await rows.nth(1).waitFor();
    await rows.nth(1).getByRole('link').click();
    await h1(/^Conversation with/).waitFor();
    await page.getByRole('list', { name: 'Messages, oldest first' }).getByText(`my email is ${EMAIL}`, { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Summary', level: 2 }).waitFor();
    await expectAccessible();
    await page.screenshot({ path: join(SHOTS, 'console-conversation.png'), fullPage: true });
  });

  it('exports the contact as a JSON download', async () => {
    await go(`/contacts/${tenant.contactId}`);
    await page.getByRole('button', { name: 'Export (JSON)' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^contact-.+\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      contact: { id: string; email: string };
      sessions: Array<{ id: string }>;
    };
    expect(exported.contact).toMatchObject({ id: tenant.contactId, email: EMAIL });
    expect(exported.sessions.map((s) => s.id)).toContain(tenant.sessionId);
    await page
      .getByRole('status')
      .filter({ hasText: /^Downloaded contact-/ })
      .waitFor();
  });

  it('erases the contact after confirming: gone from the list, and the API answers 404', async () => {
    await page.getByRole('button', { name: 'Erase contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^Erase / }).waitFor();
    await expectAccessible();
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await h1('Contacts').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /was erased/ })
      .waitFor();
    await page.getByText('No contact matches.', { exact: false }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: EMAIL }).count()).toBe(0);
    expect((await http(api(`/api/v1/contacts/${tenant.contactId}`), { headers: tenant.key })).status).toBe(404);
  });

  it('sees a possible duplicate on a contact and merges it after confirming: the page shows the merged contact', async () => {
    // Two visitors give the same number but another name and email: kept apart, each flagged.
    const say = async (message: string) => {
      const opened = await http(api('/api/v1/sessions'), { headers: tenant.key, body: {} });
      expect(opened.status).toBe(201);
      const sent = await http(api('/api/v1/chat'), { headers: { authorization: `Bearer ${opened.body.token}` }, body: { message } });
      expect(sent.status).toBe(200);
    };
    await say('Hi, I am Ed Stone, ed.stone@example.test, call me on 07700 900461');
    const ed = await eventually(
      () => http(api('/api/v1/contacts?search=ed.stone'), { headers: tenant.key }),
      (res) => res.body?.items?.length === 1,
      30_000,
    );
    await say('Hello, this is Fay Lowe, fay.lowe@example.test, my number is 07700 900461');
    const fay = await eventually(
      () => http(api('/api/v1/contacts?search=fay.lowe'), { headers: tenant.key }),
      (res) => res.body?.items?.[0]?.possibleDuplicates?.length === 1,
      30_000,
    );
    const edId = ed.body.items[0].id as string;
    const fayId = fay.body.items[0].id as string;

    await go(`/contacts/${fayId}`);
    await h1('Fay Lowe').waitFor();
    const notice = page.getByRole('group', { name: 'Possible duplicate: Ed Stone' });
    await notice.getByRole('link', { name: 'Ed Stone' }).waitFor();
    expect(await notice.innerText()).toMatch(/ed\.stone@example\.test, \+447700900461\) may be the same person\. Same phone number/);
    await expectAccessible();
    await notice.getByRole('button', { name: 'Merge into this contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Merge Ed Stone into this contact?' }).waitFor();
    await expectAccessible();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Merged Ed Stone into this contact: 1 conversation/ })
      .waitFor();
    // The page shows the merged contact: the name the field records settle on (the more confident
    // of the two, as in an automatic merge; the other stays in the history), the number that was
    // Ed's, no notice left; Ed's page is gone.
    const merged = await http(api(`/api/v1/contacts/${fayId}`), { headers: tenant.key });
    expect(merged.body.contact).toMatchObject({ phone: '+447700900461', possibleDuplicates: [] });
    expect(['Fay Lowe', 'Ed Stone']).toContain(merged.body.contact.name);
    expect(page.url()).toContain(`/console/contacts/${fayId}`);
    await h1(merged.body.contact.name as string).waitFor();
    expect(await notice.count()).toBe(0);
    await page.getByRole('table', { name: 'Field provenance' }).getByRole('row').filter({ hasText: '+447700900461' }).waitFor();
    expect((await http(api(`/api/v1/contacts/${edId}`), { headers: tenant.key })).status).toBe(404);
  });

  it('uploads a knowledge document, finds it with the test search, and deletes it', async () => {
    await go('/knowledge');
    await h1('Knowledge').waitFor();
    await page.getByText('No document yet.', { exact: false }).waitFor();
    await expectAccessible();
    // Nothing typed: the form says what is missing, next to each field.
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page.locator('#k-title-error').filter({ hasText: 'Give the document a title.' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Boiler servicing');
    await page.getByLabel('Content', { exact: true }).fill(DOCUMENT);
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Added “Boiler servicing”/ })
      .waitFor();
    await page.getByRole('row').filter({ hasText: 'Boiler servicing' }).waitFor();
    // A markdown file: its name gives the title, its extension the format.
    await page.getByLabel('Text or markdown file').setInputFiles({
      name: 'opening-hours.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Opening hours\n\nWe are open Monday to Friday, 8am to 6pm.\n'),
    });
    await page.waitForFunction("document.getElementById('k-title')?.value === 'opening hours'");
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Added “opening hours”/ })
      .waitFor();
    await page.getByRole('row').filter({ hasText: 'opening hours' }).filter({ hasText: 'markdown' }).waitFor();

    await page.getByLabel('A visitor’s question').fill('How much is a boiler service?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = page.getByRole('list', { name: 'Retrieved chunks, best first' }).getByRole('listitem').first();
    await hit.waitFor();
    expect(await hit.innerText()).toContain('95 pounds');
    await expectAccessible();
    await page.screenshot({ path: join(SHOTS, 'console-knowledge.png'), fullPage: true });

    await page.getByRole('button', { name: 'Delete Boiler servicing' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted “Boiler servicing”.' }).waitFor();
    await page.getByRole('button', { name: 'Delete opening hours' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted “opening hours”.' }).waitFor();
    await page.getByText('No document yet.', { exact: false }).waitFor();
    expect((await http(api('/api/v1/knowledge/documents'), { headers: tenant.key })).body.items).toEqual([]);
  });

  it('saves the bot settings; a bad value shows its field error and changes nothing', async () => {
    await go('/bot-settings');
    await h1('Bot settings').waitFor();
    const persona = page.getByLabel('Persona');
    await persona.fill('You are Bob, a friendly plumber in Leeds.');
    await page.getByLabel('Emergency text').fill('Smell gas? Call the gas emergency line on 0800 111 999.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const saved = await http(api('/api/v1/settings'), { headers: tenant.key });
    expect(saved.body.tenant.config).toMatchObject({
      persona: 'You are Bob, a friendly plumber in Leeds.',
      emergencyText: 'Smell gas? Call the gas emergency line on 0800 111 999.',
    });
    await expectAccessible();

    await persona.fill('This persona must not be stored.');
    await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const error = page.locator('#s-tz-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/IANA time zone/);
    expect(await page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'The settings were not saved' }).waitFor();
    await expectAccessible();
    await page.screenshot({ path: join(SHOTS, 'console-bot-settings.png'), fullPage: true });
    const after = await http(api('/api/v1/settings'), { headers: tenant.key });
    expect(after.body.tenant).toMatchObject({
      timezone: 'Europe/London',
      updatedAt: saved.body.tenant.updatedAt,
      config: { persona: 'You are Bob, a friendly plumber in Leeds.' },
    });
  });

  it('adds webhook channels (secrets shown once, rotated), tests reach the receiver, a rule is added, a dead letter is redriven', async () => {
    await go('/notifications');
    await h1('Notifications').waitFor();
    await page.getByText('No channel yet.').waitFor();
    await expectAccessible();
    await page.getByRole('button', { name: 'Add a channel' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ops hook');
    await page.getByLabel('URL').fill(receiver.url('/hook'));
    await page.getByRole('button', { name: 'Add channel' }).click();
    const secret = page.getByTestId('signing-secret');
    await secret.waitFor();
    const first = await secret.innerText();
    expect(first).toMatch(/^whsec_/);
    await expectAccessible();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await secret.count()).toBe(0);
    // A rotation shows the new secret once.
    await page.getByRole('button', { name: 'Rotate secret of Ops hook' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret', exact: true }).click();
    await secret.waitFor();
    expect(await secret.innerText()).toMatch(/^whsec_/);
    expect(await secret.innerText()).not.toBe(first);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    await page.getByRole('button', { name: 'Send test to Ops hook' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Test to “Ops hook”: Delivered/ })
      .waitFor({ timeout: 30_000 });
    const received = receiver.to('/hook');
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received[0].headers['webhook-signature']).toMatch(/^v1,/);
    // A receiver that refuses the first request for good (410: not retried, a dead letter), then accepts.
    receiver.respond('/flaky', { status: 410 }, { status: 200 });
    await page.getByRole('button', { name: 'Add a channel' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Flaky hook');
    await page.getByLabel('URL').fill(receiver.url('/flaky'));
    await page.getByRole('button', { name: 'Add channel' }).click();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('button', { name: 'Send test to Flaky hook' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Test to “Flaky hook”: Failed after 1 attempt: HTTP 410/ })
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'console-channels.png'), fullPage: true });

    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules', level: 2 }).waitFor();
    await page.getByText('You have no rule of your own', { exact: false }).waitFor(); // loaded: nothing moves any more
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Urgent to ops');
    await page.getByLabel('Urgent callback').check();
    await page.getByLabel('Ops hook').check();
    await page.getByLabel('All admins').check();
    await expectAccessible();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the rule “Urgent to ops”.' }).waitFor();
    await page.getByText('Urgent callback · any severity · to Ops hook, Admins’ inbox').waitFor();
    const rules = await http(api('/api/v1/notification-rules'), { headers: tenant.key });
    expect(rules.body).toMatchObject({
      defaults: false,
      items: [{ name: 'Urgent to ops', kinds: ['urgent_callback'], inbox_roles: ['tenant_admin'], channel_ids: [expect.any(String)] }],
    });

    await page.getByRole('link', { name: 'Delivery log' }).click();
    await page.getByRole('heading', { name: 'Delivery log', level: 2 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Ops hook' }).filter({ hasText: 'Delivered' }).first().waitFor();
    const flaky = page.getByRole('row').filter({ hasText: 'Flaky hook' });
    await flaky.filter({ hasText: 'Failed after 1 attempt' }).waitFor();
    await expectAccessible();
    await flaky.getByRole('button', { name: /^Send again/ }).click();
    await page.getByRole('status').filter({ hasText: '1 delivery is being sent again.' }).waitFor();
    // The log refreshes itself while the redriven delivery is on its way.
    await flaky.filter({ hasText: 'Delivered' }).waitFor({ timeout: 30_000 });
    expect(receiver.to('/flaky').map((r) => r.path)).toEqual(['/flaky', '/flaky']);
    await page.screenshot({ path: join(SHOTS, 'console-deliveries.png'), fullPage: true });
  });

  it('issues a site key with its embed snippet and edits the allowed origins', async () => {
    await go('/site-keys');
    await h1('Website widget').waitFor();
    await page.getByText('There is no active site key', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Rotate key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate now' }).click();
    const snippet = page.getByTestId('embed-snippet');
    await snippet.waitFor();
    const tag = await snippet.innerText();
    expect(tag).toMatch(
      new RegExp(
        `^<script src="${platform.gatewayUrl}/widget/v1/widget\\.[0-9a-f]+\\.js" integrity="sha384-[^"]+" crossorigin="anonymous" data-site-key="pk_live_[^"]+" defer></script>$`,
      ),
    );
    // The snippet's file and hash are the ones the gateway serves.
    const src = /src="([^"]+)"/.exec(tag)![1];
    const served = await fetch(src);
    expect(served.status).toBe(200);
    const integrity = /integrity="sha384-([^"]+)"/.exec(tag)![1];
    expect(
      createHash('sha384')
        .update(Buffer.from(await served.arrayBuffer()))
        .digest('base64'),
    ).toBe(integrity);

    const origins = page.getByLabel('Origins, one a line');
    await origins.fill(`${platform.gatewayUrl}\nnot an origin`);
    await page.getByRole('button', { name: 'Save origins' }).click();
    await page
      .locator('#o-origins-error')
      .filter({ hasText: /item 2/ })
      .waitFor();
    await origins.fill(`${platform.gatewayUrl}\nhttps://bobs-plumbing.example/`);
    await page.getByRole('button', { name: 'Save origins' }).click();
    await page.getByRole('status').filter({ hasText: 'Origins saved.' }).waitFor();
    expect((await http(api('/api/v1/settings'), { headers: tenant.key })).body.tenant.config.allowedOrigins).toEqual([
      platform.gatewayUrl,
      'https://bobs-plumbing.example',
    ]);
    await page.getByLabel('Greeting').fill('Hello from Bob! Ask about boilers.');
    await page.getByRole('button', { name: 'Save look' }).click();
    await page.getByRole('status').filter({ hasText: 'Theme saved.' }).waitFor();
    expect((await http(api('/api/v1/site-keys'), { headers: tenant.key })).body.theme.greeting).toBe('Hello from Bob! Ask about boilers.');
    await expectAccessible();
    await page.screenshot({ path: join(SHOTS, 'console-site-keys.png'), fullPage: true });
  });

  it('caused no Content-Security-Policy violation and no page error', () => {
    expect(pageProblems).toEqual([]);
  });
});

describe('a tenant agent in the console', () => {
  it('reads the bot settings in a disabled form with a note, and has no admin pages', async () => {
    const agentContext = await chrome.context({ width: 1280, height: 900 });
    const agentPage = await agentContext.newPage();
    await agentPage.goto(`${platform.gatewayUrl}/console/login`);
    await agentPage.getByLabel('Email').fill(agent.email);
    await agentPage.getByLabel('Password').fill(agent.password);
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    const nav = agentPage.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Bot settings' }).click();
    await agentPage.getByText('Only a tenant admin can change these settings; you can read them.').waitFor();
    expect(await agentPage.getByLabel('Persona').inputValue()).toBe('You are Bob, a friendly plumber in Leeds.');
    expect(await agentPage.getByLabel('Persona').isDisabled()).toBe(true);
    expect(await agentPage.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    for (const adminOnly of ['Knowledge', 'Notification channels', 'Website widget'])
      expect(await nav.getByRole('link', { name: adminOnly }).count()).toBe(0);
    expect(await seriousAxeViolations(agentPage)).toEqual([]);
    await agentContext.close();
  });
});
