import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { EVERYONE } from '../core/access.js';
import { ConfigError } from '../core/errors.js';
import { SUPPORTED_LANGUAGES } from '../core/i18n.js';

/**
 * Where "Ask a person" sends a question (EXPERT_ROUTES_FILE): the expert channel of a topic, chosen
 * by the cited documents' sources or audience groups, or by the asker's groups, with a default.
 */
export interface ExpertRoute {
  readonly name: string;
  /** Who answers for it ("HR", "IT"): standard answers saved from its replies say "answered by <team>". */
  readonly team: string;
  readonly match: {
    /** Audience groups of the cited documents, else the asker's groups. */
    readonly groups: readonly string[];
    /**
     * Folders (or files) of the cited documents' sources, matched by whole path segments anywhere
     * in the source: `hr/` takes `hr/leave.md`, `docs/hr/leave.md` and `/srv/kb/hr/leave.md`, not
     * `hrm/x.md`; `kb/hr` takes only an `hr` folder inside a `kb` one.
     */
    readonly sources: readonly string[];
  };
  /** Taken when no other route matches; at most one. */
  readonly default: boolean;
  /** The experts' language: the hand-off message's own words are written in it. */
  readonly language: string;
  /** Who may get a standard answer saved from this route's replies (`all` = everyone). */
  readonly audience: readonly string[];
  readonly slack?: SlackExpertChannel | undefined;
  readonly teams?: TeamsExpertChannel | undefined;
}

export interface SlackExpertChannel {
  /** Channel id (C…, or G… for an older private channel), not its name: replies arrive by id. */
  readonly channel: string;
  /** The on-call group to notify: `<!subteam^S…>`, `<!here>` or `<!channel>`. */
  readonly mention?: string | undefined;
}

export interface TeamsExpertChannel {
  /** The channel's conversation id (`19:…@thread.tacv2`). */
  readonly channel: string;
  /** The Bot Connector service URL of the team's region (what activities from it carry). */
  readonly serviceUrl: string;
  readonly tenantId?: string | undefined;
  /**
   * Who reads the channel, as the operator states it (a bot cannot list a channel's members
   * outside a turn of it): groups each member is in at least one of. A hand-off shows only what a
   * member of each may read. Default `all`: only what everyone may read.
   */
  readonly readers: readonly string[];
}

export type ExpertPlatform = 'slack' | 'teams';

const groupName = z.string().trim().min(1).max(200);
const routeSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    team: z.string().trim().min(1).max(100),
    match: z
      .object({
        groups: z.array(groupName).default([]),
        sources: z.array(z.string().trim().min(1).max(1_000)).default([]),
      })
      .strict()
      .default({ groups: [], sources: [] }),
    default: z.boolean().default(false),
    language: z
      .string()
      .trim()
      .refine((l) => SUPPORTED_LANGUAGES.includes(l), {
        message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}`,
      })
      .default('en'),
    audience: z.array(groupName).min(1).default([EVERYONE]),
    slack: z
      .object({
        channel: z
          .string()
          .trim()
          .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id such as C0123ABCD (channel details, About)'),
        mention: z
          .string()
          .trim()
          .regex(
            /^<!(?:subteam\^[A-Z0-9]+(?:\|[^<>]+)?|here|channel)>$/,
            'must be <!subteam^S0123ABCD> (a user group), <!here> or <!channel>',
          )
          .optional(),
      })
      .strict()
      .optional(),
    teams: z
      .object({
        channel: z
          .string()
          .trim()
          .regex(
            /^19:[^;\s]+@thread\.(?:tacv2|skype)$/,
            'must be the channel conversation id, 19:…@thread.tacv2',
          ),
        serviceUrl: z
          .string()
          .trim()
          .url()
          .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
        tenantId: z.string().trim().min(1).optional(),
        readers: z
          .array(groupName)
          .min(1, 'name at least one group (all: only what everyone may read)')
          .default([EVERYONE]),
      })
      .strict()
      .optional(),
  })
  .strict();

const fileSchema = z.union([z.object({ routes: z.array(routeSchema) }).strict(), z.array(routeSchema)]);

const EXAMPLE =
  'routes: [{name: hr, team: HR, match: {sources: ["hr/"]}, slack: {channel: C0HR, mention: "<!subteam^S0HR>"}}, ' +
  '{name: helpdesk, team: Helpdesk, default: true, slack: {channel: C0HELP}}]';

/** Validates routes read from JSON or YAML; throws a ConfigError that names the route and the fix. */
export function parseExpertRoutes(data: unknown, where = 'EXPERT_ROUTES_FILE'): readonly ExpertRoute[] {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ConfigError(`${where}${at}: ${issue?.message ?? 'invalid'}. Expected e.g. ${EXAMPLE}`);
  }
  const raw = Array.isArray(parsed.data) ? parsed.data : parsed.data.routes;
  const problems: string[] = [];
  const names = new Set<string>();
  for (const route of raw) {
    if (names.has(route.name)) problems.push(`two routes are named "${route.name}": names must differ`);
    names.add(route.name);
    if (!route.slack && !route.teams)
      problems.push(
        `route "${route.name}" has no expert channel: give it slack: {channel} or teams: {channel, serviceUrl}`,
      );
    if (route.match.groups.includes(EVERYONE))
      problems.push(
        `route "${route.name}" matches the group "all", which everyone is in: use default: true instead`,
      );
    if (!route.default && route.match.groups.length === 0 && route.match.sources.length === 0)
      problems.push(
        `route "${route.name}" matches nothing: give it match.groups or match.sources, or default: true`,
      );
  }
  const defaults = raw.filter((r) => r.default);
  if (defaults.length > 1)
    problems.push(`only one route may be the default (${defaults.map((r) => r.name).join(', ')} are)`);
  if (problems.length > 0) throw new ConfigError(`${where}: ${problems.join('; ')}`);
  return Object.freeze(
    raw.map(
      (r): ExpertRoute =>
        Object.freeze({
          name: r.name,
          team: r.team,
          match: { groups: r.match.groups, sources: r.match.sources },
          default: r.default,
          language: r.language,
          audience: r.audience,
          slack: r.slack,
          teams: r.teams,
        }),
    ),
  );
}

/** Reads EXPERT_ROUTES_FILE (JSON or YAML); an unreadable or invalid file is a ConfigError. */
export async function loadExpertRoutes(file: string): Promise<readonly ExpertRoute[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`EXPERT_ROUTES_FILE ${file} cannot be read: fix the path or unset it`, {
      cause: error,
    });
  }
  let data: unknown;
  try {
    // JSON is YAML too; yaml is loaded only when a routes file is set.
    const { parse } = await import('yaml');
    data = parse(text);
  } catch (error) {
    throw new ConfigError(
      `EXPERT_ROUTES_FILE ${file} is not valid JSON or YAML (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  return parseExpertRoutes(data, `EXPERT_ROUTES_FILE ${file}`);
}

/** A route's expert channels that a running adapter can post to, the asker's own platform first. */
export function expertPlatforms(
  route: ExpertRoute,
  running: ReadonlySet<ExpertPlatform>,
  prefer?: string,
): ExpertPlatform[] {
  const platforms: ExpertPlatform[] = [];
  if (route.slack && running.has('slack')) platforms.push('slack');
  if (route.teams && running.has('teams')) platforms.push('teams');
  return prefer === 'teams' ? platforms.reverse() : platforms;
}

/** What a route is chosen by: the question's topic (what the answer cited) and who asked. */
export interface RouteTopic {
  /** Sources of the cited documents, in citation order (as stored: a path or a URL). */
  readonly sources: readonly string[];
  /** Audience groups of the cited documents. */
  readonly documentGroups: readonly string[];
  readonly askerGroups: readonly string[];
}

/** The path segments of a source or a route's folder (`/`, `\\`; `.` dropped): `./hr/` is [hr]. */
const segments = (path: string) => path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');

/**
 * Whether a source lies in a route's folder: the folder's segments appear, in order and whole, in
 * the source's path. Sources are stored as ingest was given them (relative to where it ran, or
 * absolute, or a URL), so a folder matches wherever it sits in the path.
 */
export function sourceMatches(source: string, folder: string): boolean {
  const path = segments(source);
  const want = segments(folder);
  if (want.length === 0) return false;
  for (let i = 0; i + want.length <= path.length; i += 1) {
    if (want.every((segment, j) => path[i + j] === segment)) return true;
  }
  return false;
}

/**
 * The route for a question: the first route whose source folder a cited document is in (the topic
 * is what the answer drew on, so an HR employee's VPN question goes to IT), then one whose groups
 * a cited document is addressed to, then one whose groups the asker is in, then the default.
 * `all` matches nothing: everyone is in it.
 */
export function chooseRoute(routes: readonly ExpertRoute[], topic: RouteTopic): ExpertRoute | undefined {
  for (const source of topic.sources) {
    const route = routes.find((r) => r.match.sources.some((folder) => sourceMatches(source, folder)));
    if (route) return route;
  }
  const byGroup = (groups: readonly string[]) => {
    const named = new Set(groups.filter((g) => g !== EVERYONE));
    return routes.find((r) => r.match.groups.some((g) => named.has(g)));
  };
  return byGroup(topic.documentGroups) ?? byGroup(topic.askerGroups) ?? routes.find((r) => r.default);
}
