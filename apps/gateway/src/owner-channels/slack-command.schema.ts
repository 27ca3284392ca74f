import { z } from 'zod';

/** Slack's slash command payload (form fields; Slack sends more, which are ignored). */
export const slackCommandSchema = z
  .looseObject({
    team_id: z.string().min(1).max(64),
    user_id: z.string().min(1).max(64),
    channel_id: z.string().min(1).max(64),
    command: z.string().max(64).optional(),
    text: z.string().max(4000),
    response_url: z.url({ protocol: /^https?$/ }).max(2000),
  })
  .meta({ id: 'SlackSlashCommand' });
export type SlackCommand = z.output<typeof slackCommandSchema>;
