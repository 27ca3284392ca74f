import { findEmailCandidates } from '../contacts/email.extractor';
import { redactPii } from '../privacy/redact-pii';

describe('email addresses spelled out', () => {
  it.each([
    ['email is declan dot walsh at example dot com', 'declan.walsh@example.com'],
    ['Angebot bitte an anna.schmitt(at)example.com', 'anna.schmitt@example.com'],
    ['julien point martin arobase example point com', 'julien.martin@example.com'],
    ['Escríbanme a pablo punto ruiz arroba example punto com', 'pablo.ruiz@example.com'],
    ['carol ponto mendes arroba example ponto com', 'carol.mendes@example.com'],
    ['mail: jan [at] bedrijf [dot] nl', 'jan@bedrijf.nl'],
    ['sam_lee at outlook dot co dot uk', 'sam_lee@outlook.co.uk'],
    ['marco chiocciola studio punto it', 'marco@studio.it'],
    ['email me at m hale 77 at example dot com all one word', 'mhale77@example.com'],
    ['Schreiben Sie an Kai Punkt Berg at web Punkt de', 'kai.berg@web.de'],
  ])('%s', (text, expected) => {
    expect(findEmailCandidates(text).map((e) => e.value)).toEqual([expected]);
  });

  it.each([
    'saw your ad at gumtree.com.au yesterday',
    'we are at home dot com',
    'I looked at your prices at 9 dot 30',
    'meet me at the station',
    'arrive at noon.',
  ])('no address in %s', (text) => {
    expect(findEmailCandidates(text)).toEqual([]);
  });

  it('spans cover the spelled-out words, so redaction removes them', () => {
    const text = 'write to declan dot walsh at example dot com please';
    const [found] = findEmailCandidates(text);
    expect(text.slice(found?.start, found?.end)).toBe('declan dot walsh at example dot com');
    expect(redactPii(text)).not.toMatch(/declan|walsh|example/i);
  });

  it('a plain address is found once, not again as a spelled one', () => {
    expect(findEmailCandidates('Jo.Smith@Gmail.com (at work)').map((e) => e.value)).toEqual(['jo.smith@gmail.com']);
  });
});
