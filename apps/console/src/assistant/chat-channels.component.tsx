import { useState, type FormEvent } from 'react';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useChatChannels, useSaveChatChannels } from './chat-channels.queries';
import { draftOf, type ChatChannels, type ChatChannelsDraft } from './chat-channels.util';

/** The owner's Slack app and Discord application that reach the assistant (docs/adr/0027-owner-chat-channels.md). */
export function ChatChannelsCard() {
  const state = useChatChannels();
  return (
    <section className="card" aria-labelledby="chat-channels-title">
      <h2 id="chat-channels-title">Slack and Discord</h2>
      <p className="muted">
        Talk to the assistant from a Slack slash command or a Discord application command. Only the workspaces, servers and users listed
        here are answered; every request must carry a valid signature.
      </p>
      <ProblemAlert error={state.error} context="Could not load the chat channels" />
      {state.data ? <ChatChannelsForm key={state.data.updated_at ?? 'new'} channels={state.data} /> : null}
    </section>
  );
}

function RequestUrls({ channels }: { channels: ChatChannels }) {
  if (!channels.slack && !channels.discord) return null;
  return (
    <ul data-testid="chat-channel-urls">
      {channels.slack ? (
        <li>
          Slack slash command Request URL: <code>{`${window.location.origin}${channels.slack.command_url}`}</code>
        </li>
      ) : null}
      {channels.discord ? (
        <li>
          Discord Interactions Endpoint URL: <code>{`${window.location.origin}${channels.discord.interactions_url}`}</code>
        </li>
      ) : null}
    </ul>
  );
}

function ChatChannelsForm({ channels }: { channels: ChatChannels }) {
  const save = useSaveChatChannels();
  const [draft, setDraft] = useState<ChatChannelsDraft>(() => draftOf(channels));
  const set = (change: Partial<ChatChannelsDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <form onSubmit={submit}>
      <RequestUrls channels={channels} />
      <label className="checkbox">
        <input type="checkbox" checked={draft.slackOn} onChange={(e) => set({ slackOn: e.target.checked })} /> Slack
      </label>
      {draft.slackOn ? (
        <>
          <TextField
            id="slack-secret"
            label="Slack signing secret"
            type="password"
            autoComplete="off"
            value={draft.slackSecret}
            onChange={(v) => set({ slackSecret: v })}
            hint={
              channels.slack?.signing_secret_set
                ? 'Stored (never shown). Leave empty to keep it.'
                : 'From the Slack app’s Basic Information.'
            }
          />
          <TextField
            id="slack-teams"
            label="Slack workspace (team) ids"
            value={draft.slackTeams}
            onChange={(v) => set({ slackTeams: v })}
          />
          <TextField id="slack-users" label="Slack user ids" value={draft.slackUsers} onChange={(v) => set({ slackUsers: v })} />
        </>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={draft.discordOn} onChange={(e) => set({ discordOn: e.target.checked })} /> Discord
      </label>
      {draft.discordOn ? (
        <>
          <TextField id="discord-app" label="Discord application id" value={draft.discordApp} onChange={(v) => set({ discordApp: v })} />
          <TextField id="discord-key" label="Discord public key" value={draft.discordKey} onChange={(v) => set({ discordKey: v })} />
          <TextField
            id="discord-guilds"
            label="Discord server (guild) ids"
            value={draft.discordGuilds}
            onChange={(v) => set({ discordGuilds: v })}
            hint="Empty: direct messages only."
          />
          <TextField id="discord-users" label="Discord user ids" value={draft.discordUsers} onChange={(v) => set({ discordUsers: v })} />
        </>
      ) : null}
      <ProblemAlert error={save.error} context="Could not save" />
      {save.isSuccess ? <p role="status">Saved.</p> : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        Save chat channels
      </button>
    </form>
  );
}
