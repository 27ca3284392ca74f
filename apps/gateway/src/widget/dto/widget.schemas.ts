import { z } from 'zod';
import { siteKeySchema, siteKeyValueSchema, widgetThemePatchSchema, widgetThemeSchema } from '@parley/contracts';

/** GET /api/v1/widget/config?siteKey=pk_live_... */
export const widgetConfigQuerySchema = z
  .object({ siteKey: siteKeyValueSchema.meta({ description: 'The publishable site key from the script tag (`data-site-key`).' }) })
  .strict();
export type WidgetConfigQuery = z.output<typeof widgetConfigQuerySchema>;

export const widgetConfigSchema = z.object({ theme: widgetThemeSchema }).meta({ id: 'WidgetConfig' });

/** POST /api/v1/widget/sessions */
export const createWidgetSessionSchema = z
  .object({ siteKey: siteKeyValueSchema.meta({ description: 'The publishable site key from the script tag.' }) })
  .strict()
  .meta({ id: 'CreateWidgetSessionRequest' });
export type CreateWidgetSessionRequest = z.output<typeof createWidgetSessionSchema>;

/** The built widget's versioned file (a path on this gateway) and its Subresource Integrity hash. */
export const widgetReleaseSchema = z
  .object({
    src: z.string().meta({ description: 'Path of the versioned, immutable widget file, e.g. /widget/v1/widget.<hash>.js.' }),
    integrity: z.string().meta({ description: 'Its Subresource Integrity hash (sha384-...), for the script tag.' }),
  })
  .meta({ id: 'WidgetRelease' });

export const siteKeyListSchema = z
  .object({
    items: z.array(siteKeySchema),
    allowedOrigins: z.array(z.string()),
    theme: widgetThemeSchema,
    widget: widgetReleaseSchema.nullable().meta({ description: 'null while the widget is not built on this gateway.' }),
  })
  .meta({ id: 'SiteKeyList' });

export const createSiteKeySchema = z
  .object({
    revokeOthers: z
      .boolean()
      .default(false)
      .meta({ description: 'true: a rotation, every other active site key of the tenant is revoked now.' }),
  })
  .strict()
  .meta({ id: 'CreateSiteKeyRequest' });
export type CreateSiteKeyRequest = z.output<typeof createSiteKeySchema>;

export const createdSiteKeySchema = z.object({ siteKey: siteKeySchema, revokedKeyIds: z.array(z.uuid()) }).meta({ id: 'CreatedSiteKey' });
export const siteKeyViewSchema = z.object({ siteKey: siteKeySchema }).meta({ id: 'SiteKeyView' });

export const widgetThemeBodySchema = widgetThemePatchSchema
  .strict()
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'change at least one field')
  .meta({ id: 'WidgetThemePatch' });
export type WidgetThemeBody = z.output<typeof widgetThemeBodySchema>;
export const widgetThemeViewSchema = z.object({ theme: widgetThemeSchema }).meta({ id: 'WidgetThemeView' });

export const siteKeyIdParamSchema = z.uuid();
export const demoSlugParamSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
export const widgetFileParamSchema = z.string().regex(/^widget\.[0-9a-f]{8,20}\.js$/);
