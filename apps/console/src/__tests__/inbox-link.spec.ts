import { consolePathFor } from '../inbox/inbox-link.util';

const ID = '6f1c3d0e-2f4b-4d8e-9d6a-1b2c3d4e5f60';
const all = () => true;
const only = (prefix: string) => (path: string) => path.startsWith(prefix);

describe('where a notification leads in the console', () => {
  it.each([
    ['handoff', `/sessions/${ID}`, all, `/handoff/${ID}`],
    ['urgent_callback', `/sessions/${ID}`, all, `/conversations/${ID}`],
    ['follow_up', `/sessions/${ID}/summary`, all, `/conversations/${ID}`],
    ['follow_up', `/contacts/${ID}`, all, `/contacts/${ID}`],
    ['handoff', `/sessions/${ID}`, only('/conversations'), `/conversations/${ID}`],
    ['handoff', `/sessions/${ID}`, only('/inbox'), null],
    ['system', 'https://example.com/x', all, null],
    ['system', `/sessions/${ID}/../../admin`, all, null],
    ['system', null, all, null],
  ] as const)('%s with link %s goes to %s', (kind, link, canOpen, expected) => {
    expect(consolePathFor({ kind, link }, canOpen)).toBe(expected);
  });
});
