import { bodyOf, draftOf, idList } from '../chat-channels.util';

describe('the chat channels form', () => {
  it('reads ids separated by commas, spaces or lines, once each', () => {
    expect(idList(' T1, T2\nT1  T3 ,')).toEqual(['T1', 'T2', 'T3']);
    expect(idList('')).toEqual([]);
  });

  it('sends null for a platform switched off, and no secret when none was typed (the stored one is kept)', () => {
    const draft = draftOf({
      configured: true,
      slack: { team_ids: ['T1'], user_ids: ['U1', 'U2'], signing_secret_set: true, command_url: '/x' },
      discord: null,
      updated_at: '2026-12-07T00:00:00.000Z',
    });
    expect(draft).toMatchObject({ slackOn: true, slackSecret: '', slackTeams: 'T1', slackUsers: 'U1, U2', discordOn: false });
    expect(bodyOf(draft)).toEqual({ slack: { team_ids: ['T1'], user_ids: ['U1', 'U2'] }, discord: null });
    expect(bodyOf({ ...draft, slackSecret: ' s3cret-value ' }).slack).toEqual({
      signing_secret: 's3cret-value',
      team_ids: ['T1'],
      user_ids: ['U1', 'U2'],
    });
    expect(bodyOf({ ...draft, slackOn: false }).slack).toBeNull();
  });
});
