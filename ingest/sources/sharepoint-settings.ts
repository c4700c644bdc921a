import { z } from 'zod';
import { isLoopbackHost } from '../../src/core/http-url.js';
import { durationSetting } from './duration.js';

/** A SharePoint/OneDrive source's settings in the sources file (docs/sources-sharepoint.md). */

const graphBaseUrl = z
  .string()
  .max(500)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
      } catch {
        return false;
      }
    },
    { message: 'must be an https URL (http only on 127.0.0.1/localhost, for a test server)' },
  );

const idLike = z.string().trim().min(1).max(300);

/** A SharePoint/OneDrive source's own settings in the sources file. */
export const sharePointSettings = z
  .object({
    /** The Entra ID tenant (its id or a verified domain such as `contoso.onmicrosoft.com`). */
    tenantId: z
      .string()
      .trim()
      .regex(/^[\w.-]{1,200}$/, 'must be the tenant id (a GUID) or its domain name'),
    /** The app registration's application (client) id. */
    clientId: idLike,
    /** The name of the environment variable holding the app's client secret (never the secret). */
    clientSecretEnv: z.string({
      required_error: 'set "clientSecretEnv" to the name of the variable holding the client secret',
    }),
    /** A site by host name and path: `contoso.sharepoint.com` and `/sites/hr`. */
    hostname: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a host name such as contoso.sharepoint.com')
      .optional(),
    sitePath: z
      .string()
      .trim()
      .regex(/^\/[^?#]{1,400}$/, 'must be a path such as /sites/hr')
      .optional(),
    /** A site by its Graph id. */
    siteId: idLike.optional(),
    /** One drive (document library) by its id. */
    driveId: idLike.optional(),
    /** A person's OneDrive, by user principal name or user id. */
    user: idLike.optional(),
    /** Document libraries of the site by name (`Documents`, `Policies`); default: the site's default library. */
    libraries: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
    /** A folder inside each library (`Policies/HR`); default: the whole library. */
    folder: z.string().trim().max(400).optional(),
    /** Entra group id or SharePoint group name → PolyDesk group. */
    groups: z.record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(200)).default({}),
    /**
     * A group `groups` does not list admits nobody (`none`, the default: fail closed), or the
     * PolyDesk group named as its display name's slug (`slug`).
     */
    unmappedGroups: z.enum(['none', 'slug']).default('none'),
    /** What a sharing link anyone may use gives: nothing (`ignore`, the default) or everyone (`all`). */
    anyoneLinks: z.enum(['ignore', 'all']).default('ignore'),
    /** A complete listing at least this often, which picks up permission changes delta does not report. */
    rescanEvery: durationSetting('1h', '30d').default('1d'),
    graphUrl: graphBaseUrl.optional(),
    loginUrl: graphBaseUrl.optional(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const targets = [
      settings.hostname !== undefined || settings.sitePath !== undefined,
      settings.siteId !== undefined,
      settings.driveId !== undefined,
      settings.user !== undefined,
    ].filter(Boolean).length;
    if (targets !== 1)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'name exactly one place: "hostname" with "sitePath" (a site), "siteId", "driveId" (one library) or "user" (a OneDrive)',
      });
    else if ((settings.hostname === undefined) !== (settings.sitePath === undefined))
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a site needs both "hostname" and "sitePath"' });
    if (settings.libraries && settings.siteId === undefined && settings.hostname === undefined)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['libraries'],
        message: 'libraries are chosen only for a site',
      });
  });

export type SharePointSettings = z.infer<typeof sharePointSettings>;
