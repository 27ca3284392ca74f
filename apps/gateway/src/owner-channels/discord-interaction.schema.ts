import { z } from 'zod';

const snowflake = z.string().regex(/^\d{1,30}$/);

/** A Discord interaction (PING, or an application command with a text option); other fields are ignored. */
export const discordInteractionSchema = z
  .looseObject({
    type: z.int().min(1).max(5).meta({ description: '1 PING, 2 APPLICATION_COMMAND (others are refused).' }),
    id: snowflake.optional(),
    application_id: snowflake,
    token: z.string().max(1000).optional(),
    guild_id: snowflake.optional(),
    channel_id: snowflake.optional(),
    member: z.looseObject({ user: z.looseObject({ id: snowflake }) }).optional(),
    user: z.looseObject({ id: snowflake }).optional(),
    data: z
      .looseObject({
        name: z.string().max(64).optional(),
        options: z
          .array(z.looseObject({ name: z.string().max(64), type: z.int(), value: z.unknown() }))
          .max(25)
          .optional(),
      })
      .optional(),
  })
  .meta({ id: 'DiscordInteraction' });
export type DiscordInteraction = z.output<typeof discordInteractionSchema>;
