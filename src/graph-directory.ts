import type { Directory } from './answer/ports.js';
import { ConfigError, describeError } from './core/errors.js';
import { GraphError, type GraphPage, type GraphRequestOptions } from './core/graph-client.js';
import type { Logger } from './core/log.js';
import type { Principal } from './core/types.js';

/** The part of the Graph client the directory uses. */
export interface GraphReader {
  pages<T>(
    path: string,
    options?: GraphRequestOptions & { readonly maxPages?: number },
  ): AsyncIterable<GraphPage<T>>;
}

export interface GraphDirectoryOptions {
  readonly graph: GraphReader;
  /** Entra ID group id → PolyDesk group name. */
  readonly groups: Readonly<Record<string, string>>;
  /** The directory whose answers the Graph groups are added to (DIRECTORY_FILE's). */
  readonly base: Directory;
  readonly logger: Logger;
  /** How often membership is read again, ms. */
  readonly refreshMs: number;
}

/**
 * Members of all configured groups together, at most: a snapshot past it is refused (the last good
 * one stays) rather than growing without bound. An organisation of 200,000 people fits.
 */
export const MAX_DIRECTORY_MEMBERS = 200_000;

interface Member {
  readonly '@odata.type'?: string;
  readonly mail?: string | null;
  readonly userPrincipalName?: string | null;
}

/**
 * Users' groups from Entra ID group membership (transitive: members of nested groups count), added
 * to those of the base directory. Membership is read in the background and kept as a snapshot:
 * `resolve` stays synchronous, a failed refresh keeps the last good snapshot (logged once until a
 * refresh succeeds again), and before the first snapshot only the base directory's groups apply.
 */
export class GraphDirectory implements Directory {
  private groupsByEmail: ReadonlyMap<string, readonly string[]> = new Map();
  private failing = false;
  /** Users of the last snapshot that came without mail and user principal name (see `load`). */
  private unreadable = 0;
  private inFlight: Promise<boolean> | undefined;
  private controller = new AbortController();

  constructor(private readonly options: GraphDirectoryOptions) {}

  resolve(email: string, locale?: string): Principal {
    const principal = this.options.base.resolve(email, locale);
    const extra = this.groupsByEmail.get(principal.email);
    if (!extra) return principal;
    return { ...principal, groups: [...new Set([...principal.groups, ...extra])] };
  }

  /** Reads every group's members again; true when a new snapshot was taken. One at a time. */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Refreshes every `refreshMs` until the returned function is called (which also stops one under way). */
  start(): () => void {
    const timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.controller.abort();
      this.controller = new AbortController();
    };
  }

  private async load(): Promise<boolean> {
    const { graph, groups, logger } = this.options;
    const signal = this.controller.signal;
    try {
      const next = new Map<string, Set<string>>();
      let count = 0;
      let unreadable = 0;
      for (const [groupId, name] of Object.entries(groups)) {
        const path = `/groups/${encodeURIComponent(groupId)}/transitiveMembers?$select=id,mail,userPrincipalName&$top=999`;
        try {
          for await (const page of graph.pages<Member>(path, { signal })) {
            for (const member of page.value) {
              if (member['@odata.type'] !== '#microsoft.graph.user') continue;
              // Graph returns users it may not read (no User.ReadBasic.All) with only their id.
              if (!member.mail && !member.userPrincipalName) unreadable++;
              for (const address of [member.mail, member.userPrincipalName]) {
                const email = address?.trim().toLowerCase();
                if (!email) continue;
                const set = next.get(email) ?? new Set<string>();
                set.add(name);
                next.set(email, set);
              }
              if (++count > MAX_DIRECTORY_MEMBERS)
                throw new Error(
                  `the configured groups have more than ${MAX_DIRECTORY_MEMBERS} members together`,
                );
            }
          }
        } catch (error) {
          // A group that does not exist (deleted, or a wrong id) gives nobody its name; the others still count.
          if (!(error instanceof GraphError && error.status === 404)) throw error;
          logger('warn', 'directory.graph_group_missing', { groupId, group: name });
        }
      }
      this.groupsByEmail = new Map([...next].map(([email, set]) => [email, [...set].sort()]));
      if (unreadable > 0 && this.unreadable === 0)
        logger('warn', 'directory.graph_members_unreadable', {
          users: unreadable,
          hint: 'Graph gave these members without mail or userPrincipalName: grant the app User.ReadBasic.All (or User.Read.All)',
        });
      this.unreadable = unreadable;
      if (this.failing) logger('info', 'directory.graph_refresh_recovered', { users: next.size });
      this.failing = false;
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      if (!this.failing)
        logger('warn', 'directory.graph_refresh_failed', {
          error: describeError(error),
          hint: 'the last membership read stays in use; the next refresh tries again',
        });
      this.failing = true;
      return false;
    }
  }
}

const GROUP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP_NAME = /^[^\s,=][^,=]{0,199}$/;

/**
 * DIRECTORY_GRAPH_GROUPS: a JSON object `{"<group id>": "hr"}` or `id=name,id=name`; ids are Entra ID
 * group object ids (GUIDs), names PolyDesk group names.
 */
export function parseGraphGroups(text: string): Record<string, string> {
  const trimmed = text.trim();
  let entries: [string, unknown][];
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new ConfigError(
        'DIRECTORY_GRAPH_GROUPS is not valid JSON: write {"<group id>": "hr"} or <group id>=hr,<group id>=it',
      );
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ConfigError('DIRECTORY_GRAPH_GROUPS must be a JSON object {"<group id>": "hr"}');
    entries = Object.entries(parsed);
  } else {
    entries = trimmed
      .split(',')
      .filter((part) => part.trim())
      .map((part) => {
        const at = part.indexOf('=');
        return at < 0 ? [part.trim(), undefined] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      });
  }
  if (entries.length === 0)
    throw new ConfigError('DIRECTORY_GRAPH_GROUPS lists no group: write <group id>=hr,...');
  if (entries.length > 500) throw new ConfigError('DIRECTORY_GRAPH_GROUPS lists more than 500 groups');
  const groups: Record<string, string> = {};
  for (const [id, name] of entries) {
    if (!GROUP_ID.test(id))
      throw new ConfigError(
        `DIRECTORY_GRAPH_GROUPS: "${id.slice(0, 60)}" is not an Entra ID group object id (a GUID, as the Entra admin centre shows it)`,
      );
    if (typeof name !== 'string' || !GROUP_NAME.test(name.trim()))
      throw new ConfigError(`DIRECTORY_GRAPH_GROUPS: group ${id} needs a PolyDesk group name (${id}=hr)`);
    groups[id.toLowerCase()] = name.trim();
  }
  return groups;
}
