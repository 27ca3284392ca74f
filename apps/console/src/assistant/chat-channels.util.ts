/** The owner's chat channels as GET/PUT /api/v1/admin/chat-channels carry them (ADR 0027). */
export interface ChatChannels {
  configured: boolean;
  slack: { team_ids: string[]; user_ids: string[]; signing_secret_set: boolean; command_url: string } | null;
  discord: { application_id: string; public_key: string; guild_ids: string[]; user_ids: string[]; interactions_url: string } | null;
  updated_at: string | null;
}

export interface ChatChannelsDraft {
  slackOn: boolean;
  slackSecret: string;
  slackTeams: string;
  slackUsers: string;
  discordOn: boolean;
  discordApp: string;
  discordKey: string;
  discordGuilds: string;
  discordUsers: string;
}

/** Ids typed one per line or separated by commas or spaces. */
export function idList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

export function draftOf(channels: ChatChannels | undefined): ChatChannelsDraft {
  return {
    slackOn: Boolean(channels?.slack),
    slackSecret: '',
    slackTeams: channels?.slack?.team_ids.join(', ') ?? '',
    slackUsers: channels?.slack?.user_ids.join(', ') ?? '',
    discordOn: Boolean(channels?.discord),
    discordApp: channels?.discord?.application_id ?? '',
    discordKey: channels?.discord?.public_key ?? '',
    discordGuilds: channels?.discord?.guild_ids.join(', ') ?? '',
    discordUsers: channels?.discord?.user_ids.join(', ') ?? '',
  };
}

/** The PUT body: a platform switched off is null; an empty secret keeps the stored one. */
export function bodyOf(draft: ChatChannelsDraft) {
  return {
    slack: draft.slackOn
      ? {
          ...(draft.slackSecret.trim() ? { signing_secret: draft.slackSecret.trim() } : {}),
          team_ids: idList(draft.slackTeams),
          user_ids: idList(draft.slackUsers),
        }
      : null,
    discord: draft.discordOn
      ? {
          application_id: draft.discordApp.trim(),
          public_key: draft.discordKey.trim(),
          guild_ids: idList(draft.discordGuilds),
          user_ids: idList(draft.discordUsers),
        }
      : null,
  };
}
