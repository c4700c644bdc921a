import { z } from 'zod';
import { isLoopbackHost } from '../../src/core/http-url.js';

/**
 * A Confluence source's own settings in the sources file. Credentials are named, never written:
 * Cloud signs in with an Atlassian account's e-mail and an API token (Basic auth), Data Center with
 * a personal access token (Bearer), each read from the environment variable the `...Env` field names.
 */
const groupName = z.string().trim().min(1).max(200);
/** Space keys go into CQL between quotes: letters, digits and a few marks only (`~` starts a personal space). */
const spaceKey = z
  .string()
  .regex(
    /^~?[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/,
    'must be a space key such as HR (a personal space: ~ and the key)',
  );

export const confluenceSettings = z
  .object({
    /** Cloud: `https://example.atlassian.net/wiki`; Data Center: the site's URL with its context path. */
    baseUrl: z
      .string({ required_error: 'set "baseUrl" (Cloud: https://example.atlassian.net/wiki)' })
      .max(2000)
      .refine(isPlainBaseUrl, {
        message:
          'must be an https URL without credentials, query or fragment, e.g. https://example.atlassian.net/wiki (http only on 127.0.0.1/localhost, for a test server)',
      }),
    deployment: z.enum(['cloud', 'datacenter'], {
      errorMap: () => ({ message: 'must be "cloud" or "datacenter"' }),
    }),
    spaces: z
      .array(spaceKey, { required_error: 'set "spaces" to the keys of the spaces to sync, e.g. ["HR"]' })
      .min(1)
      .max(100),
    /** Cloud: the Atlassian account the API token belongs to. */
    email: z.string().trim().email().max(320).optional(),
    /** Cloud: the environment variable holding the API token. */
    apiTokenEnv: z.string().optional(),
    /** Data Center: the environment variable holding a personal access token. */
    tokenEnv: z.string().optional(),
    /** Also sync pages' attachments of a supported type (PDF, Word, Markdown, ...). */
    attachments: z.boolean().default(true),
    /** Confluence group (name, or id on Cloud; any case) → PolyDesk group(s). Unmapped groups admit nobody. */
    groups: z
      .record(z.string().min(1).max(255), z.union([groupName, z.array(groupName).min(1).max(50)]))
      .refine((groups) => Object.keys(groups).length <= 1000, { message: 'at most 1000 groups' })
      .default({}),
    /** Who may read the unrestricted pages of these spaces; default: the source's `audience`. */
    defaultAudience: z.array(groupName).min(1).max(100).optional(),
    /**
     * Every this many runs the listing is complete (every page's id, version and restrictions, no
     * bodies), which removes deleted pages and catches restriction changes that did not edit the
     * page; the runs between list only what changed. 1: every run is complete.
     */
    fullListingEvery: z.number().int().min(1).max(1000).default(1),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const require = (field: 'email' | 'apiTokenEnv' | 'tokenEnv', message: string) => {
      if (settings[field] === undefined)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
    };
    const refuse = (field: 'email' | 'apiTokenEnv' | 'tokenEnv', message: string) => {
      if (settings[field] !== undefined)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
    };
    if (settings.deployment === 'cloud') {
      require('email', 'Cloud signs in with an e-mail and an API token: set "email" to the account the token belongs to');
      require('apiTokenEnv', 'set "apiTokenEnv" to the name of the environment variable holding the API token');
      refuse('tokenEnv', 'is for Data Center; Cloud uses "email" and "apiTokenEnv"');
    } else {
      require('tokenEnv', 'set "tokenEnv" to the name of the environment variable holding a personal access token');
      refuse('email', 'is for Cloud; Data Center uses a personal access token ("tokenEnv")');
      refuse('apiTokenEnv', 'is for Cloud; Data Center uses a personal access token ("tokenEnv")');
    }
  });

export type ConfluenceSettings = z.infer<typeof confluenceSettings>;

function isPlainBaseUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      // Plain http would send the credentials in clear: only to this machine (a test server).
      (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) &&
      !url.username &&
      !url.password &&
      !url.search &&
      !url.hash
    );
  } catch {
    return false;
  }
}
